import DisarmDiagnostics
import DisarmFramework
import DisarmModel

/// A row of an object sheet without an identifier: what the framework's generator made of it, the import makes too.
enum RowWithoutIDCheck: SpreadsheetCheck {
  static let description = RuleDescription(
    category: .structure,
    id: RuleID("sheet-row-without-id"), severity: .warning,
    summary: "A spreadsheet row of an object sheet has no identifier.",
    explanation: """
      DISARM's 1.x and 2.0 generators wrote every row of an object sheet, up to the last row with a value in any \
      column: a row without an identifier (a half-filled row, or an empty row that kept a `longname` formula) \
      became the page `<folder>/.md` and an index row without identifier, which is how DISARM's 2024 and 2025 \
      trees have `incidents/.md`. The import writes the same, so that a release is reproduced byte for byte; the \
      2026 generator left such rows out, and so does the import for a framework whose description says \
      `rows-without-id: skip`. Either way the row is reported; `--strict` makes it an error. Give the row its \
      identifier, or clear the row entirely (every column, formulas too).
      """)

  static let examples = [
    SpreadsheetExample(
      triggers: true,
      note:
        "A technique row has a name but no identifier, and the incidents sheet has an empty row that kept its formula.",
      sheets: [
        "techniques": [
          ExampleSheets.techniques,
          ["T0001", "Choose an Audience", "TA01", "Work out who the operation should reach."],
          ["↓", "Bait influencers", "TA01", "Get known accounts to repeat the message."],
        ]
      ],
      data: [
        "incidents": [
          ExampleSheets.incidents + ["longname"],
          ["I00005", "Hashtag campaign", "campaign", "Accounts pushed one hashtag.", "2021", "", "UK", "", "", "", ""],
          ["↓", "", "", "", "", "", "", "", "", "", "I00005 - Hashtag campaign"],
        ]
      ]),
    SpreadsheetExample(
      triggers: false, note: "Every row has its identifier; a formula-free empty row after the last is not a row.",
      sheets: [
        "techniques": [
          ExampleSheets.techniques,
          ["T0001", "Choose an Audience", "TA01", "Work out who the operation should reach."],
          ["", "", "", ""],
        ]
      ]),
  ]

  static func check(_ spreadsheet: ImportedSpreadsheet) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    let framework = spreadsheet.framework
    for (name, _) in framework.workbook.sorted(by: { $0.key < $1.key }) {
      guard let kind = ImportedSpreadsheet.kind(ofRecord: name), let sheet = spreadsheet.records[name] else {
        continue
      }
      let words = framework.kind(kind) ?? framework.kinds[0]
      let page = words.folder.map { "\($0)/.md" } ?? ".md"
      let location = { (row: Int) in
        "\(sheet.file):\(CellAddress(sheet: sheet.layout.sheet, column: sheet.columns["id"] ?? 0, row: row))"
      }
      switch framework.rowsWithoutID {
      case .page:
        for row in spreadsheet.rowsAsWritten(of: kind) where row.idText.isEmpty {
          let what =
            row.record.map {
              $0["name"].isEmpty ? "the row has no identifier" : "the row '\($0["name"])' has no identifier"
            }
            ?? "the row has no value in the columns the import reads, but one further right"
          findings.append(
            finding(
              location(row.row),
              "\(what): it is written as the page \(page) and an index row without identifier, as DISARM's generator did"
            ))
        }
      case .skip:
        for record in spreadsheet.rows(name) where record["id"].trimmingWhitespace().isEmpty {
          let what = record["name"].isEmpty ? "the row" : "the row '\(record["name"])'"
          findings.append(
            finding(
              location(record.row),
              "\(what) has no identifier: it is left out, as the \(framework.name) framework's generator did"))
        }
      }
    }
    return findings
  }
}
