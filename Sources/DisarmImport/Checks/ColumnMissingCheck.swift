import DisarmDiagnostics
import DisarmFramework

/// A sheet's header row lacks a column the framework's description names, reported at the header row's first cell.
enum ColumnMissingCheck: SpreadsheetCheck {
  static let description = RuleDescription(
    category: .structure,
    id: RuleID("sheet-column-missing"), severity: .error,
    summary: "A sheet's header row lacks a column the framework reads a fact from.",
    explanation: """
      Each fact a page shows comes from one column, found by the header the framework's description gives it \
      (`tactic_id` for a technique's tactic, `techniques` for a counter's techniques). A renamed or deleted column \
      would silently empty that fact on every page, so the import stops before writing anything. Restore the \
      column's header, or describe the spreadsheet's own headers in a framework description.
      """)

  static let examples = [
    SpreadsheetExample(
      triggers: true, note: "The techniques sheet's header row has no `tactic_id` column.",
      sheets: [
        "techniques": [
          ["↓disarm_id", "name", "summary"],
          ["T0001", "Choose an Audience", "Work out who the operation should reach."],
        ]
      ]),
    SpreadsheetExample(
      triggers: false, note: "The header row names every column the framework reads a technique's facts from.",
      sheets: [
        "techniques": [
          ExampleSheets.techniques,
          ["T0001", "Choose an Audience", "TA01", "Work out who the operation should reach."],
        ]
      ]),
  ]

  static func check(_ spreadsheet: ImportedSpreadsheet) -> [Diagnostic] {
    spreadsheet.records.values.sorted { $0.name < $1.name }.flatMap { sheet in
      sheet.missingColumns.map { missing in
        let address = CellAddress(sheet: sheet.layout.sheet, column: 0, row: sheet.headerRow)
        return finding(
          "\(sheet.file):\(address)",
          "no column '\(missing.header)' in the header row (the \(sheet.name.replacingOccurrences(of: "-", with: " "))'s \(missing.fact))"
        )
      }
    }
  }
}
