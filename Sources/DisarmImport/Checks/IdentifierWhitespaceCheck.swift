import DisarmDiagnostics
import DisarmFramework

/// An identifier written with spaces around it.
enum IdentifierWhitespaceCheck: SpreadsheetCheck {
  static let description = RuleDescription(
    category: .structure,
    id: RuleID("sheet-id-whitespace"), severity: .warning,
    summary: "A spreadsheet identifier has spaces around it.",
    explanation: """
      DISARM's generator used the cell as it was, so `T0039 ` became the page `techniques/T0039 .md`, listed as \
      `T0039 ` in the index, the tactic's table and the matrix, while every cell naming `T0039` (a counter's \
      techniques, an incident's) matched nothing and was left out: that is DISARM's 2022 tree. The import writes \
      the same pages, so that a release is reproduced byte for byte (`--strict` refuses instead); remove the spaces \
      from the cell to give the object its page.
      """)

  static let examples = [
    SpreadsheetExample(
      triggers: true, note: "The identifier `T0039 ` ends with a space, as in DISARM's 2022 spreadsheet.",
      sheets: [
        "techniques": [
          ExampleSheets.techniques,
          ["↓T0039 ", "Conduct Pump Priming", "TA08", "Release content on a targeted small scale."],
        ]
      ]),
    SpreadsheetExample(
      triggers: false, note: "The identifier is written without spaces.",
      sheets: [
        "techniques": [
          ExampleSheets.techniques,
          ["T0039", "Conduct Pump Priming", "TA08", "Release content on a targeted small scale."],
        ]
      ]),
  ]

  static func check(_ spreadsheet: ImportedSpreadsheet) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for (name, _) in spreadsheet.framework.workbook.sorted(by: { $0.key < $1.key }) {
      guard let kind = ImportedSpreadsheet.kind(ofRecord: name), let words = spreadsheet.framework.kind(kind) else {
        continue
      }
      for record in spreadsheet.rows(name) {
        let text = record["id"]
        guard let id = spreadsheet.trimmedIdentifier(text, of: kind), text != id.string else { continue }
        let page = words.folder.map { "\($0)/\(text).md" } ?? text
        findings.append(
          finding(
            spreadsheet.location(record, "id", in: name),
            "'\(text)' has spaces around it: the page is written as '\(page)' and cells naming \(id) match nothing, as DISARM's generator did"
          ))
      }
    }
    return findings
  }
}
