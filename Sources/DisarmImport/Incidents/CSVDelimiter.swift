/// The byte between a CSV dataset's fields. RFC 4180 says a comma, but spreadsheet programs in locales whose decimal
/// separator is a comma (German, French, …) save "CSV" separated by `;`, and others save tab-separated text: read
/// as comma-separated, such a file is one column and no technique is found. The delimiter is told from the header
/// row (``detect(in:)``), unless `--delimiter` names it.
public enum CSVDelimiter: String, CaseIterable, Sendable {
  case comma, semicolon, tab

  /// The byte itself.
  public var byte: UInt8 {
    switch self {
    case .comma: UInt8(ascii: ",")
    case .semicolon: UInt8(ascii: ";")
    case .tab: 9
    }
  }

  /// How a message shows it: `','`, `';'`, `tab`.
  public var shown: String {
    switch self {
    case .comma: "','"
    case .semicolon: "';'"
    case .tab: "tab"
    }
  }

  /// The delimiter as the user writes it: its name, or the character itself (`,` `;`, and `\t` or a tab).
  public init?(named argument: String) {
    switch argument.lowercased() {
    case "comma", ",": self = .comma
    case "semicolon", ";": self = .semicolon
    case "tab", "\t", "\\t": self = .tab
    default: return nil
    }
  }

  /// The delimiter of a dataset whose bytes are `bytes`: of `,`, `;` and tab, the one the header row (its first
  /// record, up to a line break outside quotes) holds most often outside quoted cells; a comma when none is there
  /// or on a tie, since a header's names may hold a `;` or a comma but a dataset's columns outnumber them. Reads at
  /// most the first ``scannedBytes`` bytes, so a header of a million columns costs no more than reading it.
  public static func detect(in bytes: [UInt8]) -> CSVDelimiter {
    var counts: [CSVDelimiter: Int] = [:]
    var quoted = false
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var index = start
    let end = min(bytes.count, index + scannedBytes)
    scan: while index < end {
      let byte = bytes[index]
      if quoted {
        // A doubled quote is one quote of the text; a single one closes the cell.
        if byte == UInt8(ascii: "\"") {
          if index + 1 < end, bytes[index + 1] == UInt8(ascii: "\"") { index += 1 } else { quoted = false }
        }
      } else if byte == UInt8(ascii: "\"") {
        // Only a quote that starts a cell opens a quoted cell (after any of the candidates); elsewhere it is text.
        if index == start || [UInt8(ascii: ","), UInt8(ascii: ";"), 9].contains(bytes[index - 1]) { quoted = true }
      } else {
        switch byte {
        case 10, 13: break scan
        case UInt8(ascii: ","): counts[.comma, default: 0] += 1
        case UInt8(ascii: ";"): counts[.semicolon, default: 0] += 1
        case 9: counts[.tab, default: 0] += 1
        default: break
        }
      }
      index += 1
    }
    var best = CSVDelimiter.comma
    for candidate in allCases where (counts[candidate] ?? 0) > (counts[best] ?? 0) { best = candidate }
    return best
  }

  /// How much of a file the detection reads: a header of 10,000 columns (the bound) of 60-byte names fits.
  static let scannedBytes = 1 << 20
}
