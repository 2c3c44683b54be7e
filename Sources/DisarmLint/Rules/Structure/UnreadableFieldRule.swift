import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `unreadable-field`: a field or row that should name another object but does not start with an identifier, or a
/// required field that is missing.
public struct UnreadableFieldRule: Rule {
  public static let description = RuleDescription(
    category: .structure,
    id: RuleID("unreadable-field"), severity: .error,
    summary: "A field's value cannot be read (e.g. a tactic field without a tactic ID).",
    explanation: """
      Fields that name another object start with its identifier: `**Tactic**: TA07 Select Channels and \
      Affordances`. A required field that is missing is reported too.
      """)

  public static let examples = pair(
    "The technique's Tactic field gives the tactic's name without its identifier.",
    base(["techniques/T0001.md": Page.technique(tactic: "↓Plan Strategy")]),
    "The field starts with the identifier.",
    base())

  public static func check(_ context: LintContext) -> [Diagnostic] {
    context.kb.readingProblems.compactMap { problem in
      let message: String
      switch problem.kind {
      case .missingField(let object, let label): message = "\(object) has no '\(label)' field"
      case .fieldNotAnID(let label, let expected, let value):
        message = "'\(label)' should start with \(context.kb.words(expected).withArticle) identifier, found '\(value)'"
      case .parentNotAnID: message = "'Parent Technique' should start with a technique identifier"
      case .rowWithoutID(let table): message = "row of '\(table)' table names no identifier"
      case .indexCellNotAnID(let text, let kind):
        message = "'\(text)' is not \(context.kb.words(kind).withArticle) identifier"
      case .parentMismatch: return nil
      }
      if let range = problem.range { return diagnostic(file: problem.file, range: range, message) }
      return diagnostic(file: problem.file, line: problem.line, column: problem.column, message)
    }
  }
}
