import DisarmDiagnostics
import DisarmFramework

/// An identifier written with spaces around it.
///
///     DISARM_FRAMEWORKS_MASTER.xlsx:techniques!A30: warning: 'T0039 ' has spaces around it; the page is written as techniques/T0039.md [sheet-id-whitespace]
enum IdentifierWhitespaceCheck: SpreadsheetCheck {
  static let description = RuleDescription(
    id: RuleID("sheet-id-whitespace"), severity: .warning,
    summary: "A spreadsheet identifier has spaces around it.",
    explanation: """
      DISARM's generator used the cell as it was, so `T0039 ` became the page `techniques/T0039 .md`, a second page \
      beside `T0039.md` that no link reaches (it is in DISARM's 2022 tree). The import trims the spaces and writes \
      the object's page under its identifier; remove the spaces from the cell to silence this warning.
      """)

  static func check(_ spreadsheet: ImportedSpreadsheet) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for (name, _) in spreadsheet.framework.workbook.sorted(by: { $0.key < $1.key }) {
      guard let kind = ImportedSpreadsheet.kind(ofRecord: name), let words = spreadsheet.framework.kind(kind) else {
        continue
      }
      for record in spreadsheet.rows(name) {
        let text = record["id"]
        guard let id = spreadsheet.identifier(text, of: kind), text != id.string else { continue }
        let page = words.folder.map { "\($0)/\(id).md" } ?? id.string
        findings.append(
          finding(
            spreadsheet.location(record, "id", in: name),
            "'\(text)' has spaces around it; the page is written as \(page)"))
      }
    }
    return findings
  }
}
