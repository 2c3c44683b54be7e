import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `subtechnique-tactic-mismatch`: a sub-technique under another tactic than its parent; in the framework matrix it
/// would sit in the wrong column.
public struct SubtechniqueTacticMismatchRule: Rule {
  public static let description = RuleDescription(
    category: .references,
    id: RuleID("subtechnique-tactic-mismatch"), severity: .warning,
    summary: "A sub-technique belongs to another tactic than its parent.",
    explanation: "A sub-technique refines its parent and sits under the same tactic in the framework matrix.")

  public static let examples = pair(
    "T0001.001 belongs to TA02 while its parent T0001 belongs to TA01.",
    twoTactics(subtechniqueTactic: "↓TA02"),
    "T0001.001 belongs to TA01, like its parent.",
    twoTactics(subtechniqueTactic: "TA01"))

  public static func check(_ context: LintContext) -> [Diagnostic] {
    context.liveObjects.compactMap { object -> Diagnostic? in
      guard object.kind == .technique, let parent = object.id.parentTechnique,
        let own = context.tacticRelation(of: object.id),
        let parents = context.tacticRelation(of: parent), own.target != parents.target
      else { return nil }
      let note = DiagnosticNote(
        file: parents.file, range: SourceRange(start: parents.position, end: parents.position),
        message: "\(parent) belongs to \(parents.target) here")
      return diagnostic(
        file: own.file, line: own.position.line, column: own.position.column,
        "\(object.id) belongs to \(own.target) but its parent \(parent) belongs to \(parents.target)", notes: [note])
    }
  }
}
