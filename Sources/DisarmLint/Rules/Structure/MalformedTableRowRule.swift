import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `malformed-table-row`: a row whose cell count differs from its header's (usually an unescaped `|`), or that
/// does not end with `|`. The row is kept whole; only its reading as cells is in doubt.
public struct MalformedTableRowRule: PageRule {
  public static let description = RuleDescription(
    category: .structure,
    id: RuleID("malformed-table-row"), severity: .warning,
    summary: "A table row has the wrong number of cells (for example an unescaped `|` in a description).",
    explanation: """
      A table row has as many cells as its header. A `|` inside a description splits the cell; write it as `\\|`. \
      The row is kept whole as the description.
      """)

  public static let examples = pair(
    "An unescaped `|` in the Org cell splits the reference row into six cells.",
    ["incidents/I00001.md": Page.incident(references: ["↓" + Page.reference(org: "Example Lab | Example University")])],
    "The `|` is escaped as `\\|`.",
    ["incidents/I00001.md": Page.incident(references: [Page.reference(org: "Example Lab \\| Example University")])])

  public static func check(page: ObjectPage, of object: DisarmObject?, in context: LintContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for table in page.tables {
      for row in table.rows where row.cells.count != table.columns.count || !row.isClosed {
        let problem = row.isClosed ? "has \(row.cells.count) cells" : "does not end with '|'"
        diagnostics.append(
          diagnostic(
            file: page.path, range: row.source.range,
            "row of table '\(table.columns.joined(separator: " | "))' \(problem); the header has "
              + "\(table.columns.count) columns"))
      }
    }
    return diagnostics
  }
}
