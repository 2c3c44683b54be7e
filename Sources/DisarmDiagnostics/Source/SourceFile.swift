#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes of a file and where its lines start, shared by every ``SourceText`` cut from it.
final class SourceBuffer: Sendable {
  /// The file's path relative to the page folder, kept here so that every slice knows its file.
  let path: String
  let bytes: [UInt8]
  let lineStarts: LineStarts

  init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
    self.lineStarts = LineStarts(bytes)
  }

  func position(at offset: Int) -> SourcePosition {
    // Binary search for the last line start <= offset.
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return SourcePosition(line: low + 1, column: offset - lineStarts[low] + 1, offset: offset)
  }

  func range(_ offsets: Range<Int>) -> SourceRange {
    SourceRange(start: position(at: offsets.lowerBound), end: position(at: offsets.upperBound))
  }
}

/// The bytes of one page and a table of where its lines start, for turning offsets into positions.
public struct SourceFile: Sendable {
  /// Path of the page relative to the page folder, with `/` separators (for diagnostics).
  public var path: String { buffer.path }
  let buffer: SourceBuffer

  /// Takes the bytes exactly as read; the line starts are found once, here, for every later position lookup.
  public init(path: String, bytes: [UInt8]) {
    self.buffer = SourceBuffer(path: path, bytes: bytes)
  }

  /// The UTF-8 bytes of `text`, for pages made in memory rather than read from disk.
  public init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }

  /// The file's bytes, unmodified.
  public var bytes: [UInt8] { buffer.bytes }

  /// Whether the file starts with a UTF-8 byte-order mark (EF BB BF), which libcmark skips.
  public var hasByteOrderMark: Bool {
    let bytes = buffer.bytes
    return bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
  }

  /// Whether most line breaks are CRLF: the page is written back with the line endings it had.
  public var usesCRLF: Bool {
    var crlf = 0
    var lf = 0
    let bytes = buffer.bytes
    let lineStarts = buffer.lineStarts
    for index in 1..<lineStarts.count {
      let start = lineStarts[index]
      if start >= 2, bytes[start - 2] == UInt8(ascii: "\r") { crlf += 1 } else { lf += 1 }
    }
    return crlf > lf
  }

  /// The byte offset at which the 1-based line `line` starts.
  public func lineStart(_ line: Int) -> Int { buffer.lineStarts[line - 1] }

  /// Number of lines (a final line without a terminator counts; an empty file has one empty line).
  public var lineCount: Int { buffer.lineStarts.count }

  /// The position of a byte offset.
  public func position(at offset: Int) -> SourcePosition { buffer.position(at: offset) }

  /// The byte offset of a 1-based line and column.
  public func offset(line: Int, column: Int) -> Int {
    let lineStarts = buffer.lineStarts
    let line = min(max(line, 1), lineStarts.count)
    return min(lineStarts[line - 1] + column - 1, buffer.bytes.count)
  }

  /// Byte range of line `line` (1-based), excluding its terminator (`\n` or `\r\n`).
  public func lineContentRange(_ line: Int) -> Range<Int> {
    let lineStarts = buffer.lineStarts
    let bytes = buffer.bytes
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
    if end > start, bytes[end - 1] == UInt8(ascii: "\r"), line < lineStarts.count { end -= 1 }
    return start..<max(start, end)
  }

  /// The range for byte offsets.
  public func range(_ offsets: Range<Int>) -> SourceRange { buffer.range(offsets) }

  /// The exact text of a byte range, with its positions (both computed when asked for).
  public func text(_ offsets: Range<Int>) -> SourceText { SourceText(buffer: buffer, offsets: offsets) }

  /// The bytes of a range decoded as UTF-8 (invalid sequences become U+FFFD; the parser reports them separately).
  public func string(_ offsets: Range<Int>) -> String {
    String(decoding: buffer.bytes[offsets], as: UTF8.self)
  }

  /// The text of a whole line, without its terminator.
  public func lineText(_ line: Int) -> String {
    guard line >= 1, line <= lineCount else { return "" }
    return string(lineContentRange(line))
  }
}

/// Where each line of a file starts (`[0]` is 0), found once when the file is read.
///
/// Offsets are kept as 32-bit numbers, half the memory of `Int` (a large knowledge base holds one entry per line of
/// every page), except in the unlikely file of 4 GiB or more.
struct LineStarts: Sendable {
  private let narrow: [UInt32]
  private let wide: [Int]

  init(_ bytes: [UInt8]) {
    var starts = [0]
    starts.reserveCapacity(bytes.count / 40 + 1)
    // memchr finds line breaks many bytes at a time; every page is scanned once, at load.
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
        let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        starts.append(index + 1)
        offset = index + 1
      }
    }
    if bytes.count < Int(UInt32.max) {
      narrow = starts.map { UInt32(truncatingIfNeeded: $0) }
      wide = []
    } else {
      narrow = []
      wide = starts
    }
  }

  /// The number of lines.
  var count: Int { wide.isEmpty ? narrow.count : wide.count }

  /// The start of the line at 0-based `index`.
  subscript(index: Int) -> Int { wide.isEmpty ? Int(narrow[index]) : wide[index] }
}
