/// One flat table of the CSV export, written as RFC 4180 CSV: a header record, then one record per row, each
/// ended by CRLF; a field holding a comma, a double quote, CR or LF is enclosed in double quotes with each double
/// quote doubled; every record has as many fields as the header. Every CSV `disarm` writes goes through
/// ``field(_:)``, which also keeps a cell from being read as a spreadsheet formula (docs/SECURITY-OUTPUTS.md).
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

  /// One field, enclosed in double quotes (inner quotes doubled) when it holds `,`, `"`, CR or LF, and disarmed
  /// first when a spreadsheet would read it as a formula (``formulaSafe(_:)``).
  public static func field(_ text: String) -> String {
    let text = formulaSafe(text)
    let special: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "\""), 10, 13]
    guard text.utf8.contains(where: special.contains) else { return text }
    var quoted = "\""
    for character in text.unicodeScalars {
      if character == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(character) }
    }
    return quoted + "\""
  }

  /// `text` with a single quote in front when its first character would make a spreadsheet read the cell as a
  /// formula (`=`, `+`, `-`, `@`, tab, CR), as OWASP's CSV injection advice says: a page name like
  /// `=HYPERLINK(…)` stays text when the export is opened. A number (`-1`, `+3.5`) is left as it is, since it
  /// computes nothing; DISARM's identifiers start with a capital letter, so the framework grids never change.
  public static func formulaSafe(_ text: String) -> String {
    guard let first = text.utf8.first, formulaStarts.contains(first), !isNumber(text) else { return text }
    return "'" + text
  }

  static let formulaStarts: Set<UInt8> = [
    UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13,
  ]

  /// A sign, then digits with at most one decimal point, and nothing else.
  static func isNumber(_ text: String) -> Bool {
    let bytes = text.utf8.dropFirst()
    guard text.utf8.first == UInt8(ascii: "-") || text.utf8.first == UInt8(ascii: "+"), !bytes.isEmpty else {
      return false
    }
    var points = 0
    var digits = 0
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
      case UInt8(ascii: "."): points += 1
      default: return false
      }
    }
    return digits > 0 && points <= 1
  }
}
