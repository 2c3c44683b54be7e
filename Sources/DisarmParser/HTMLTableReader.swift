import DisarmDiagnostics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the cells of HTML tables from page source with a small tag scanner (libcmark keeps HTML blocks opaque).
enum HTMLTableReader {
  /// The tags the reader tells apart (``tagName(_:at:limit:)``); every other tag is ``other``.
  enum Tag {
    case tr, closingTR, td, closingTD, th, closingTH, other

    /// A tag that ends a cell left open: a new cell or a row's start or end.
    var endsOpenCell: Bool { self == .td || self == .th || self == .tr || self == .closingTR }
  }

  static let closingTD = Array("</td>".utf8)
  static let closingTH = Array("</th>".utf8)

  static func table(in file: SourceFile, range: Range<Int>) -> HTMLTable {
    let bytes = file.bytes
    var rows: [HTMLTableRow] = []
    var cells: [HTMLTableCell] = []
    var rowIsHeader = false
    func closeRow() {
      if let first = cells.first {
        rows.append(HTMLTableRow(cells: cells, start: first.source.range.start, isHeader: rowIsHeader))
      }
      cells = []
      rowIsHeader = false
    }
    var i = range.lowerBound
    while i < range.upperBound {
      // Only tags matter: `memchr` finds the next `<` (cell text runs long between them).
      i = nextTagStart(bytes, from: i, limit: range.upperBound)
      guard i < range.upperBound else { break }
      let tag = tagName(bytes, at: i, limit: range.upperBound)
      switch tag {
      case .tr, .closingTR:
        closeRow()
        i = tagEnd(bytes, from: i, limit: range.upperBound)
      case .td, .th:
        let contentStart = tagEnd(bytes, from: i, limit: range.upperBound)
        let closing = tag == .td ? closingTD : closingTH
        var j = contentStart
        while true {
          j = nextTagStart(bytes, from: j, limit: range.upperBound)
          guard j < range.upperBound, !matches(bytes, closing, at: j, limit: range.upperBound) else { break }
          // A new cell or row without a closing tag ends this cell.
          if tagName(bytes, at: j, limit: range.upperBound).endsOpenCell { break }
          j += 1
        }
        if tag == .th { rowIsHeader = true }
        cells.append(cell(in: file, range: contentStart..<j))
        i = j < range.upperBound && matches(bytes, closing, at: j, limit: range.upperBound) ? j + closing.count : j
      default:
        i += 1
      }
    }
    closeRow()
    return HTMLTable(rows: rows)
  }

  /// The offset of the next `<` at or after `start`, or `limit`.
  static func nextTagStart(_ bytes: [UInt8], from start: Int, limit: Int) -> Int {
    guard start < limit else { return start }
    return bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress, let found = memchr(base + start, Int32(UInt8(ascii: "<")), limit - start)
      else { return limit }
      return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
  }

  static func cell(in file: SourceFile, range: Range<Int>) -> HTMLTableCell {
    HTMLTableCell(source: file.text(range))
  }

  /// The `href` of the first `<a>` in `source`.
  static func href(in source: SourceText) -> String? {
    let attribute = Array("href=\"".utf8)
    let bytes = Array(source.utf8)
    guard let at = bytes.indices.first(where: { matches(bytes, attribute, at: $0, limit: bytes.endIndex) }) else {
      return nil
    }
    let valueStart = at + attribute.count
    guard let quote = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
    return String(decoding: bytes[valueStart..<quote], as: UTF8.self)
  }

  /// The text of `source` with tags removed and entities left as written, trimmed.
  static func plainText(of source: SourceText) -> String {
    let bytes = source.utf8
    var text: [UInt8] = []
    text.reserveCapacity(bytes.count)
    var inTag = false
    for byte in bytes {
      if byte == UInt8(ascii: "<") {
        inTag = true
      } else if byte == UInt8(ascii: ">") {
        inTag = false
      } else if !inTag {
        text.append(byte)
      }
    }
    return String(decoding: text, as: UTF8.self).trimmingWhitespace()
  }

  /// The table tag at `<` (letter case ignored), or ``Tag/other``.
  static func tagName(_ bytes: [UInt8], at start: Int, limit: Int) -> Tag {
    var i = start + 1
    let closing = i < limit && bytes[i] == UInt8(ascii: "/")
    if closing { i += 1 }
    guard i + 1 < limit else { return .other }
    let first = bytes[i] | 0x20
    let second = bytes[i + 1] | 0x20
    let third = i + 2 < limit ? bytes[i + 2] | 0x20 : 0
    // A two-letter name followed by something that is not a letter.
    guard first == UInt8(ascii: "t"), !(third >= UInt8(ascii: "a") && third <= UInt8(ascii: "z")) else { return .other }
    switch second {
    case UInt8(ascii: "r"): return closing ? .closingTR : .tr
    case UInt8(ascii: "d"): return closing ? .closingTD : .td
    case UInt8(ascii: "h"): return closing ? .closingTH : .th
    default: return .other
    }
  }

  static func tagEnd(_ bytes: [UInt8], from start: Int, limit: Int) -> Int {
    var i = start
    while i < limit, bytes[i] != UInt8(ascii: ">") { i += 1 }
    return min(i + 1, limit)
  }

  static func matches(_ bytes: [UInt8], _ pattern: [UInt8], at start: Int, limit: Int) -> Bool {
    guard start + pattern.count <= limit else { return false }
    for k in 0..<pattern.count where bytes[start + k] | 0x20 != pattern[k] | 0x20 { return false }
    return true
  }
}
