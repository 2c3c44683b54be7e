import DisarmDiagnostics
import Foundation

/// Text from an incident file made fit for a page: a table cell or field value is one line, so line breaks become
/// `<br>` (as DISARM's pages write them), a `|` that would end a cell is escaped, and other control characters are
/// dropped; a name is one line with its white space collapsed.
enum InputText {
  /// A field value or table cell: trimmed, line breaks as `<br>`, unescaped `|` escaped, control characters dropped.
  static func cell(_ text: String) -> String {
    if isPlainCell(text) { return text }
    var result = ""
    var previous: Character?
    let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    for character in normalized.trimmingWhitespace() {
      switch character {
      case "\n": result += "<br>"
      case "|": result += previous == "\\" ? "|" : "\\|"
      case "\t": result.append(" ")
      default:
        if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
          scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
        {
          continue
        }
        result.append(character)
      }
      previous = character
    }
    return result
  }

  /// Whether `text` is already a cell: no white space at either end, and no byte ``cell(_:)`` would change (control
  /// characters, `|`, and the bytes that start C1 controls and bidirectional overrides are looked at more closely).
  /// Most names and descriptions are, and skip the character-by-character rewrite.
  static func isPlainCell(_ text: String) -> Bool {
    var bytes = text.utf8.makeIterator()
    var first = true
    var last: UInt8 = 0
    while let byte = bytes.next() {
      // Below space or DEL (controls, line breaks, tabs), `|`, and 0xC2 / 0xE2 (lead bytes of C1 controls and of
      // bidirectional overrides; other characters they start are rare enough to take the slow path).
      if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "|") || byte == 0xC2 || byte == 0xE2 { return false }
      if first && byte == 0x20 { return false }
      first = false
      last = byte
    }
    return last != 0x20
  }

  /// Whether two texts say the same on a page: equal as cells once every spelling of `<br>` (`<br/>`, `<BR >`) is one.
  /// An export writes a page's `<br>` as a line break; the page keeps its own spelling when the text comes back.
  static func sameText(_ page: String, _ source: String) -> Bool {
    comparable(page) == comparable(source)
  }

  static func comparable(_ text: String) -> String {
    let cell = cell(text)
    guard cell.utf8.contains(UInt8(ascii: "<")) else { return cell }
    return cell.replacingOccurrences(of: "<br\\s*/?>", with: "<br>", options: [.regularExpression, .caseInsensitive])
  }

  /// A name: one line, runs of white space as one space, `|` and control characters as in ``cell(_:)``.
  static func name(_ text: String) -> String {
    cell(text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")).replacingOccurrences(
      of: "<br>", with: " ")
  }

  /// The year a date or timestamp starts with (`2019` of `2019-03-03T00:00:00Z`), if it does.
  static func year(_ text: String?) -> String? {
    guard let text, text.count >= 4 else { return nil }
    let digits = text.prefix(4)
    return digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber) ? String(digits) : nil
  }

  /// The date a timestamp starts with (`2019-03-03` of `2019-03-03T00:00:00Z`), if it does.
  static func date(_ text: String?) -> String? {
    guard let text else { return nil }
    let bytes = Array(text.utf8.prefix(10))
    guard bytes.count == 10 else { return nil }
    for (index, byte) in bytes.enumerated() {
      let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
      guard index == 4 || index == 7 ? byte == UInt8(ascii: "-") : isDigit else { return nil }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
