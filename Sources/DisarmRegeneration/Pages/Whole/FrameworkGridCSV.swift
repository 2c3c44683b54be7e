/// The framework ID grid as CSV (`generated_files/disarm_red_framework_ids.csv`, `…_blue_…`): one column per
/// tactic in framework order; a header record of tactic identifiers, then one record per grid row holding the
/// identifiers of that row's techniques (counters), empty where a column is shorter.
///
/// RFC 4180: every record ends with CRLF and has as many fields as the header; a field holding a comma, a double
/// quote, CR or LF is enclosed in double quotes, with each double quote doubled.
public enum FrameworkGridCSV {
  /// The CSV file of `grid`.
  public static func render(_ grid: FrameworkGrid) -> [UInt8] {
    var text = record(grid.tactics.map(\.idText))
    for row in 0..<grid.rowCount {
      text += record(grid.columns.indices.map { grid.item(row: row, column: $0)?.idText ?? "" })
    }
    return Array(text.utf8)
  }

  /// One record, quoted as ``CSVTable`` quotes every CSV this project writes.
  public static func record(_ fields: [String]) -> String { CSVTable.record(fields) }
}
