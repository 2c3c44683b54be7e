/// One flat table of the CSV export, written as RFC 4180 CSV: a header record, then one record per row, each
/// ended by CRLF; a field holding a comma, a double quote, CR or LF is enclosed in double quotes with each double
/// quote doubled; every record has as many fields as the header.
public struct CSVTable: Sendable, Equatable {
  /// The file name (`techniques.csv`).
  public var name: String
  /// The column names, the first record of the file.
  public var header: [String]
  /// The records after the header, each as long as `header`.
  public var rows: [[String]]

  /// Each row must have as many fields as `header`; that is not checked here.
  public init(name: String, header: [String], rows: [[String]]) {
    self.name = name
    self.header = header
    self.rows = rows
  }

  /// The file's bytes (UTF-8, no byte-order mark).
  public func render() -> [UInt8] {
    var text = CSVTable.record(header)
    for row in rows { text += CSVTable.record(row) }
    return Array(text.utf8)
  }

  /// One record: the fields, quoted where needed, joined by commas and ended by CRLF.
  public static func record(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  /// One field, enclosed in double quotes (inner quotes doubled) when it holds `,`, `"`, CR or LF.
  public static func field(_ text: String) -> String {
    let special: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "\""), 10, 13]
    guard text.utf8.contains(where: special.contains) else { return text }
    var quoted = "\""
    for character in text.unicodeScalars {
      if character == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(character) }
    }
    return quoted + "\""
  }
}
