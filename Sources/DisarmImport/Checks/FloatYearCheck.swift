import DisarmDiagnostics
import DisarmFramework

/// A year that reaches the page as `2016.0`.
///
///     DISARM_DATA_MASTER.xlsx:incidents!E7: warning: the year is written 2016.0: the column holds numbers and empty cells, which pandas reads as floats [sheet-float-year]
enum FloatYearCheck: SpreadsheetCheck {
  static let description = RuleDescription(
    id: RuleID("sheet-float-year"), severity: .warning,
    summary: "An incident's year reaches its page as a decimal (`2016.0`).",
    explanation: """
      DISARM's generator reads the spreadsheet with pandas, which turns a column of whole numbers with any empty \
      cell into decimals: every incident page of DISARM 1.x says `Year started: 2016.0`. The import writes the \
      same, byte for byte, and says so; write the years as text (or fill every year) to have `2016` on the pages.
      """)

  static func check(_ spreadsheet: ImportedSpreadsheet) -> [Diagnostic] {
    spreadsheet.rows("incident").compactMap { row in
      let year = row["year"]
      guard year.hasSuffix(".0"), Int(year.dropLast(2)) != nil else { return nil }
      return finding(
        spreadsheet.location(row, "year", in: "incident"),
        "the year is written \(year): the column holds numbers and empty cells, which pandas reads as decimals")
    }
  }
}
