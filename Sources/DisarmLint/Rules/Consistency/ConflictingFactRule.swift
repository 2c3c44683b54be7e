import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `conflicting-fact`: a fact shown only in derived places (a counter's response type) that two places give
/// differently. The first place read (the counters index, else the first Counters table) is taken as the fact.
public struct ConflictingFactRule: Rule {
  public static let description = RuleDescription(
    category: .consistency,
    id: RuleID("conflicting-fact"), severity: .warning,
    summary: "The same fact has different values in different places.",
    explanation: """
      Some facts appear only in derived places (a counter's response type). Every place must agree with the first \
      one read (the counters index, else the first Counters table).
      """)

  public static let examples = pair(
    "C00001's response type is D02 on the tactic page but D03 on the technique page.",
    withCounter(responseTypeOnTechnique: "↓D03"),
    "Both Counters tables give D02.",
    withCounter(responseTypeOnTechnique: "D02"))

  public static func check(_ context: LintContext) -> [Diagnostic] {
    var responseTypeOf: [DisarmID: Relation] = [:]
    for relation in context.kb.relations where relation.kind == .responseType && responseTypeOf[relation.source] == nil
    {
      responseTypeOf[relation.source] = relation
    }
    var diagnostics: [Diagnostic] = []
    for object in context.kb.orderedObjects {
      guard let page = object.page, let table = page.table(firstColumn: "Counters"), table.columns.count > 1 else {
        continue
      }
      for row in table.rows {
        guard let stem = row.links.first?.targetFileStem, let counter = context.kb.id(stem), let cell = row.cell(1),
          let expected = responseTypeOf[counter], let shown = context.kb.id(cell.trimmed), shown != expected.target
        else { continue }
        let note = DiagnosticNote(
          file: expected.file, range: SourceRange(start: expected.position, end: expected.position),
          message: "\(counter)'s response type is \(expected.target) here")
        diagnostics.append(
          diagnostic(
            file: page.path, range: cell.range,
            "response type of \(counter) is \(shown) here but \(expected.target) elsewhere", notes: [note]))
      }
    }
    return diagnostics
  }
}
