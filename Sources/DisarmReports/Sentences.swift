/// The sentence around a place in a report's text: from the end of the previous sentence (`.`, `!` or `?` followed
/// by a space or line end, or a blank line) to the end of this one, its whitespace runs made single spaces.
enum Sentences {
  /// The longest sentence given (a paragraph without full stops would otherwise be quoted whole).
  static let limit = 600

  static func sentence(around range: Range<Int>, in bytes: [UInt8]) -> String {
    text(bounds(around: range, in: bytes), in: bytes)
  }

  /// The byte range of the sentence around `range`.
  static func bounds(around range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
    func isEnd(_ byte: UInt8) -> Bool {
      byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }
    var start = range.lowerBound
    while start > 0, range.lowerBound - start < limit {
      let previous = bytes[start - 1]
      if previous == 0x0A && start >= 2 && bytes[start - 2] == 0x0A { break }
      if isSpace(previous) && start >= 2 && isEnd(bytes[start - 2]) { break }
      start -= 1
    }
    var end = range.upperBound
    while end < bytes.count, end - range.upperBound < limit {
      let byte = bytes[end]
      if byte == 0x0A && end + 1 < bytes.count && bytes[end + 1] == 0x0A { break }
      if isEnd(byte) && (end + 1 == bytes.count || isSpace(bytes[end + 1])) {
        end += 1
        break
      }
      end += 1
    }
    // Whole characters only: a limit may fall inside one.
    while start < range.lowerBound, bytes[start] & 0xC0 == 0x80 { start += 1 }
    while end > range.upperBound, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
    return start..<end
  }

  /// The sentence at `bounds`, its whitespace runs made single spaces.
  static func text(_ bounds: Range<Int>, in bytes: [UInt8]) -> String {
    let (start, end) = (bounds.lowerBound, bounds.upperBound)
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
    // Whitespace runs made one space, on the bytes (ASCII whitespace; a report is mostly ASCII, and this runs once
    // per sentence).
    var text: [UInt8] = []
    text.reserveCapacity(end - start)
    var pendingSpace = false
    for byte in bytes[start..<end] {
      if isSpace(byte) || byte == 0x0B {
        pendingSpace = !text.isEmpty
      } else {
        if pendingSpace { text.append(0x20) }
        pendingSpace = false
        text.append(byte)
      }
    }
    return String(decoding: text, as: UTF8.self)
  }
}
