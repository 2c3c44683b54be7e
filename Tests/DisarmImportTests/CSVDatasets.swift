/// CSV datasets written by the tests, with the debris real research datasets carry: a header whose name drifted
/// from the framework's, doubled spaces, a stray backtick before a 1, spreadsheet error values, blank cells, a blank
/// row, a quoted description with a doubled quote and a line break, CR LF records, several source columns.
enum CSVDatasets {
  /// Rows as cells, joined as RFC 4180 records with `separator` (CR LF by default).
  static func csv(_ rows: [[String]], separator: String = "\r\n") -> String {
    rows.map { $0.joined(separator: ",") }.joined(separator: separator) + separator
  }

  static let header = [
    "id", "Name", "Description", "Year", "Target country", "Actor", "URL", "Source 2",
    "T0002_Facilitate State Propaganda", "T0073 Determine  Target Audiences", "T0085.001_Develop AI Text",
    "T0132 Measure Performance", "Analyst notes",
  ]

  /// Three incidents and a blank row; the first row's description spans two lines inside quotes, so that the rows
  /// after it are reported at their spreadsheet row, not their line.
  static func messy(name: String = "Clone sites", secondUses: String = "1") -> String {
    csv([
      header,
      [
        "1", name, "\"Cloned sites, \"\"spread\"\" articles\nacross two lines\"", "2022", "France", "Russia",
        "https://example.org/a", "https://example.org/b; see also", "1", "`1", "0", "", "keep",
      ],
      ["", "", "", "", "", "", "", "", "", "", "", "", ""],
      ["2", "Hashtag flood", "Bots", "2016.0", "USA", "", "", "", "0", secondUses, "#NAME?", "1.0", ""],
      ["3", "Fake experts", "", "c. 2019", "", "", "", "", "1", "", "", "", ""],
    ])
  }
}
