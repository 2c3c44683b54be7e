import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `duplicate-row`: one table listing the same object twice.
public struct DuplicateRowRule: PageRule {
  public static let description = RuleDescription(
    category: .consistency,
    id: RuleID("duplicate-row"), severity: .warning, summary: "A table lists the same object twice.",
    explanation: "An object appears once per table; merge the descriptions of duplicate rows.",
    editorTags: [.unnecessary])

  public static let examples = pair(
    "The tactic's Techniques table lists T0001 twice.",
    base(["tactics/TA01.md": Page.tactic(techniques: [Page.row("T0001"), "↓" + Page.row("T0001")])]),
    "T0001 is listed once.",
    base())

  public static func check(page: ObjectPage, of object: DisarmObject?, in context: LintContext) -> [Diagnostic] {
    guard object != nil else { return [] }
    var diagnostics: [Diagnostic] = []
    for table in page.tables {
      var seen: [String: TableRow] = [:]
      for row in table.rows {
        guard let stem = row.links.first?.targetFileStem else { continue }
        guard let first = seen[stem] else {
          seen[stem] = row
          continue
        }
        let note = DiagnosticNote(file: page.path, range: first.source.range, message: "first listed here")
        diagnostics.append(
          diagnostic(
            file: page.path, range: row.source.range,
            "\(stem) is listed twice in the '\(table.columns.first ?? "")' table", notes: [note]))
      }
    }
    return diagnostics
  }
}
