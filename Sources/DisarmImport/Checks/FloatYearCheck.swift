import DisarmDiagnostics
import DisarmFramework

/// A year that reaches the page as `2016.0`.
enum FloatYearCheck: SpreadsheetCheck {
  static let description = RuleDescription(
    category: .consistency,
    id: RuleID("sheet-float-year"), severity: .warning,
    summary: "An incident's year reaches its page as a decimal (`2016.0`).",
    explanation: """
      DISARM's generator reads the spreadsheet with pandas, which turns a column of whole numbers with any empty \
      cell into decimals: every incident page of DISARM 1.x says `Year started: 2016.0`. The import writes the \
      same, byte for byte, and says so; write the years as text (or fill every year) to have `2016` on the pages.
      """)

  static let examples = [
    SpreadsheetExample(
      triggers: true,
      note:
        "The years are numbers and one is empty, so pandas reads the column as decimals: I00001's page says 2016.0.",
      sheets: [:],
      data: [
        "incidents": [
          ExampleSheets.incidents,
          ["I00001", "Hashtag campaign", "campaign", "Accounts pushed one hashtag.", "↓2016", "", "UK", "", "", ""],
          ["I00002", "Fake local news sites", "campaign", "Sites posed as local papers.", "", "", "US", "", "", ""],
        ]
      ]),
    SpreadsheetExample(
      triggers: false, note: "Every incident has its year, so the column holds whole numbers.",
      sheets: [:],
      data: [
        "incidents": [
          ExampleSheets.incidents,
          ["I00001", "Hashtag campaign", "campaign", "Accounts pushed one hashtag.", "2016", "", "UK", "", "", ""],
          [
            "I00002", "Fake local news sites", "campaign", "Sites posed as local papers.", "2019", "", "US", "", "", "",
          ],
        ]
      ]),
    SpreadsheetExample(
      triggers: false, note: "The years are written as text (`'2016` typed with an apostrophe), so one may be empty.",
      sheets: [:],
      data: [
        "incidents": [
          ExampleSheets.incidents,
          ["I00001", "Hashtag campaign", "campaign", "Accounts pushed one hashtag.", "'2016", "", "UK", "", "", ""],
          ["I00002", "Fake local news sites", "campaign", "Sites posed as local papers.", "", "", "US", "", "", ""],
        ]
      ]),
  ]

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
