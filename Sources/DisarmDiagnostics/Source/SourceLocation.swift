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

  /// The three parts are taken as given; nothing checks them against each other.
  public init(line: Int, column: Int, offset: Int) {
    self.line = line
    self.column = column
    self.offset = offset
  }

  /// By byte offset, which for positions in one file is also line-then-column order.
  public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool { lhs.offset < rhs.offset }

  /// `line:column`, as diagnostics print it.
  public var description: String { "\(line):\(column)" }
}

/// A half-open range of source, `start..<end`.
public struct SourceRange: Hashable, Sendable {
  /// The first byte of the range (inclusive).
  public var start: SourcePosition
  /// Just after the last byte (exclusive), so that an empty range has `start == end`.
  public var end: SourcePosition

  /// Both ends must be in the same file, `start` not after `end`; neither is checked.
  public init(start: SourcePosition, end: SourcePosition) {
    self.start = start
    self.end = end
  }

  /// The byte offsets covered by the range.
  public var offsets: Range<Int> { start.offset..<end.offset }
}

/// A piece of page text exactly as it appears in the file, with where it came from.
///
/// It holds only the byte offsets and a reference to the file's bytes: the text and the line/column positions are
/// computed when asked for, so that parsing a page allocates no strings for the many parts nobody reads.
public struct SourceText: Hashable, Sendable {
  let buffer: SourceBuffer
  /// The byte offsets of the text in its file.
  public let offsets: Range<Int>

  init(buffer: SourceBuffer, offsets: Range<Int>) {
    self.buffer = buffer
    self.offsets = offsets
  }

  /// The path of the file the text was cut from, relative to the page folder.
  public var path: String { buffer.path }

  /// The exact bytes of the source slice, decoded as UTF-8.
  public var text: String { String(decoding: buffer.bytes[offsets], as: UTF8.self) }

  /// The exact bytes of the source slice.
  public var utf8: ArraySlice<UInt8> { buffer.bytes[offsets] }

  /// Where the text lies in the file.
  public var range: SourceRange { buffer.range(offsets) }

  /// The text with leading and trailing spaces, tabs and line breaks removed (as ``text`` then
  /// `trimmingWhitespace()` would give it, the bytes trimmed before they are decoded: the whitespace it removes is
  /// ASCII or a whole U+00A0, never part of a sequence that decoding repairs).
  public var trimmed: String {
    buffer.bytes.withUnsafeBufferPointer { bytes in
      let kept = WhitespaceTrimming.kept(bytes, offsets)
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[kept]), as: UTF8.self)
    }
  }

  /// Whether the text is empty.
  public var isEmpty: Bool { offsets.isEmpty }

  /// Another slice of the same file (for example from this text's start to a later cell's end).
  public func slice(_ offsets: Range<Int>) -> SourceText { SourceText(buffer: buffer, offsets: offsets) }

  /// Equal when they cover the same offsets with the same bytes, whichever buffer they were cut from.
  public static func == (lhs: SourceText, rhs: SourceText) -> Bool {
    lhs.offsets == rhs.offsets && (lhs.buffer === rhs.buffer || lhs.utf8.elementsEqual(rhs.utf8))
  }

  /// Only the offsets, so that hashing never touches the text (consistent with `==`).
  public func hash(into hasher: inout Hasher) {
    hasher.combine(offsets.lowerBound)
    hasher.combine(offsets.upperBound)
  }
}

extension StringProtocol {
  /// The string without leading and trailing ASCII whitespace (space, tab, CR, LF) and no-break spaces.
  public func trimmingWhitespace() -> String {
    // Read in place where the string is contiguous (native strings and their substrings), without a copy.
    if let trimmed = utf8.withContiguousStorageIfAvailable({ bytes -> String in
      let kept = WhitespaceTrimming.kept(bytes, 0..<bytes.count)
      return kept.count == bytes.count
        ? String(self) : String(decoding: UnsafeBufferPointer(rebasing: bytes[kept]), as: UTF8.self)
    }) {
      return trimmed
    }
    return Array(utf8).withUnsafeBufferPointer { bytes in
      String(
        decoding: UnsafeBufferPointer(rebasing: bytes[WhitespaceTrimming.kept(bytes, 0..<bytes.count)]), as: UTF8.self)
    }
  }
}

/// Where text is left once leading and trailing whitespace is removed, found on its UTF-8 bytes.
enum WhitespaceTrimming {
  /// The part of `range` of `bytes` between leading and trailing ASCII whitespace (space, tab, CR, LF) and
  /// no-break spaces (U+00A0, bytes C2 A0).
  static func kept(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var start = range.lowerBound
    var end = range.upperBound
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    while start < end {
      if isSpace(bytes[start]) {
        start += 1
      } else if bytes[start] == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 {
        start += 2
      } else {
        break
      }
    }
    while end > start {
      if isSpace(bytes[end - 1]) {
        end -= 1
      } else if bytes[end - 1] == 0xA0, end - 1 > start, bytes[end - 2] == 0xC2 {
        end -= 2
      } else {
        break
      }
    }
    return start..<end
  }
}

extension String {
  /// Every occurrence of `target` replaced by `replacement` (no Foundation needed).
  public func replacingAll(_ target: String, _ replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }

  /// The string without trailing spaces.
  public var trailingSpacesRemoved: String {
    var result = self
    while result.hasSuffix(" ") { result.removeLast() }
    return result
  }
}
