/// A point in a page's source: 1-based line, 1-based UTF-8 byte column, and 0-based byte offset.
///
/// Columns count bytes, as libcmark and swift-markdown do, so that a position can be found again in the file
/// without decoding it.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// 1-based line number.
  public var line: Int
  /// 1-based column, counted in UTF-8 bytes.
  public var column: Int
  /// 0-based byte offset from the start of the file.
  public var offset: Int

  public init(line: Int, column: Int, offset: Int) {
    self.line = line
    self.column = column
    self.offset = offset
  }

  public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool { lhs.offset < rhs.offset }

  public var description: String { "\(line):\(column)" }
}

/// A half-open range of source, `start..<end`.
public struct SourceRange: Hashable, Sendable {
  public var start: SourcePosition
  public var end: SourcePosition

  public init(start: SourcePosition, end: SourcePosition) {
    self.start = start
    self.end = end
  }

  /// The byte offsets covered by the range.
  public var offsets: Range<Int> { start.offset..<end.offset }
}

/// A piece of page text exactly as it appears in the file, with where it came from.
public struct SourceText: Hashable, Sendable {
  /// The exact bytes of the source slice, decoded as UTF-8.
  public var text: String
  /// Where the text lies in the file.
  public var range: SourceRange

  public init(text: String, range: SourceRange) {
    self.text = text
    self.range = range
  }

  /// The text with leading and trailing spaces, tabs and line breaks removed.
  public var trimmed: String { text.trimmingWhitespace() }
}

extension StringProtocol {
  /// The string without leading and trailing ASCII whitespace (space, tab, CR, LF) and no-break spaces.
  public func trimmingWhitespace() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\u{A0}" }
    guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
    let last = lastIndex(where: { !isSpace($0) })!
    return String(self[first...last])
  }
}
