/// The bytes of one page and a table of where its lines start, for turning offsets into positions.
public struct SourceFile: Sendable {
  /// Path of the page relative to the page folder, with `/` separators (for diagnostics).
  public let path: String
  /// The file's bytes, unmodified.
  public let bytes: [UInt8]
  /// Byte offset at which each line starts; `lineStarts[0] == 0`.
  public let lineStarts: [Int]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
    var starts = [0]
    starts.reserveCapacity(bytes.count / 40 + 1)
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      starts.append(index + 1)
    }
    self.lineStarts = starts
  }

  public init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }

  /// Number of lines (a final line without a terminator counts; an empty file has one empty line).
  public var lineCount: Int { lineStarts.count }

  /// The position of a byte offset.
  public func position(at offset: Int) -> SourcePosition {
    // Binary search for the last line start <= offset.
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return SourcePosition(line: low + 1, column: offset - lineStarts[low] + 1, offset: offset)
  }

  /// The byte offset of a 1-based line and column.
  public func offset(line: Int, column: Int) -> Int {
    let line = min(max(line, 1), lineStarts.count)
    return min(lineStarts[line - 1] + column - 1, bytes.count)
  }

  /// Byte range of line `line` (1-based), excluding its terminator (`\n` or `\r\n`).
  public func lineContentRange(_ line: Int) -> Range<Int> {
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
    if end > start, bytes[end - 1] == UInt8(ascii: "\r"), line < lineStarts.count { end -= 1 }
    return start..<max(start, end)
  }

  /// The range for byte offsets.
  public func range(_ offsets: Range<Int>) -> SourceRange {
    SourceRange(start: position(at: offsets.lowerBound), end: position(at: offsets.upperBound))
  }

  /// The exact text of a byte range, with its positions.
  public func text(_ offsets: Range<Int>) -> SourceText {
    SourceText(text: string(offsets), range: range(offsets))
  }

  /// The bytes of a range decoded as UTF-8 (invalid sequences become U+FFFD; the parser reports them separately).
  public func string(_ offsets: Range<Int>) -> String {
    String(decoding: bytes[offsets], as: UTF8.self)
  }

  /// The text of a whole line, without its terminator.
  public func lineText(_ line: Int) -> String {
    guard line >= 1, line <= lineStarts.count else { return "" }
    return string(lineContentRange(line))
  }
}
