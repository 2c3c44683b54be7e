import DisarmDiagnostics
import DisarmFramework

/// A sheet's header row lacks a column the framework's description names.
///
///     DISARM_FRAMEWORKS_MASTER.xlsx:techniques!A1: error: no column 'tactic_id' in the header row (the technique's tactic) [sheet-column-missing]
enum ColumnMissingCheck: SpreadsheetCheck {
  static let description = RuleDescription(
    id: RuleID("sheet-column-missing"), severity: .error,
    summary: "A sheet's header row lacks a column the framework reads a fact from.",
    explanation: """
      Each fact a page shows comes from one column, found by the header the framework's description gives it \
      (`tactic_id` for a technique's tactic, `techniques` for a counter's techniques). A renamed or deleted column \
      would silently empty that fact on every page, so the import stops before writing anything. Restore the \
      column's header, or describe the spreadsheet's own headers in a framework description.
      """)

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
