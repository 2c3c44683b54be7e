/// Finds the next byte that one of the parser's scanners stops at, eight bytes at a time.
///
/// The link scanner, the table-cell splitter and the inline-reference scanner each walk every byte of every table
/// row, field and paragraph, and most bytes are none of the few each looks for (brackets, pipes, capital letters).
/// A set of up to three ASCII ranges is tested on a 64-bit word at once with the usual word tricks, the rest of the
/// text (and a range shorter than a word) byte by byte. The test is exact for each byte, so the lowest flagged byte
/// is the first match: the result is the index a byte-by-byte search gives.
struct ByteScan {
  /// Three ranges of byte values `low < byte < high` (`low` at most 127, `high` at most 128), as the constants the
  /// word test adds and subtracts; a range of `(0, 1)` holds no byte.
  private let lows: (UInt8, UInt8, UInt8)
  private let highs: (UInt8, UInt8, UInt8)
  private let subtracted: (UInt64, UInt64, UInt64)
  private let added: (UInt64, UInt64, UInt64)

  private static let ones: UInt64 = 0x0101_0101_0101_0101

  /// The bytes strictly between each range's bounds.
  init(_ first: (UInt8, UInt8), _ second: (UInt8, UInt8) = (0, 1), _ third: (UInt8, UInt8) = (0, 1)) {
    lows = (first.0, second.0, third.0)
    highs = (first.1, second.1, third.1)
    func subtracted(_ high: UInt8) -> UInt64 { Self.ones &* (127 &+ UInt64(high)) }
    func added(_ low: UInt8) -> UInt64 { Self.ones &* (127 &- UInt64(low)) }
    self.subtracted = (subtracted(first.1), subtracted(second.1), subtracted(third.1))
    self.added = (added(first.0), added(second.0), added(third.0))
  }

  /// The set of exactly the bytes `a`, `b` and `c` (each from 1 to 127).
  init(bytes a: UInt8, _ b: UInt8, _ c: UInt8) {
    self.init((a - 1, a + 1), (b - 1, b + 1), (c - 1, c + 1))
  }

  /// `\[]()|`, where a table row may split into cells or hold a link.
  static let tableStructure = ByteScan((0x5A, 0x5E), (0x27, 0x2A), (0x7B, 0x7D))
  /// The capital letters `A`–`Z`, where an identifier may start.
  static let capitals = ByteScan((0x40, 0x5B))

  /// Whether `byte` is in the set.
  @inline(__always)
  func contains(_ byte: UInt8) -> Bool {
    (byte > lows.0 && byte < highs.0) || (byte > lows.1 && byte < highs.1) || (byte > lows.2 && byte < highs.2)
  }

  /// The first index in `start..<end` whose byte is in the set, or `end` (or `start` when `start` is past `end`).
  func next(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
    var index = start
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
      let high: UInt64 = 0x8080_8080_8080_8080
      while index + 8 <= end {
        let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        // Per byte, without carries between bytes (each sum stays within its byte): bit 7 is set where the byte is
        // below 0x80 and inside a range.
        let masked = word & low7
        let outside = ~word & high
        let found =
          ((subtracted.0 &- masked) & (masked &+ added.0)) | ((subtracted.1 &- masked) & (masked &+ added.1))
          | ((subtracted.2 &- masked) & (masked &+ added.2))
        let flags = found & outside
        if flags != 0 { return index + flags.trailingZeroBitCount / 8 }
        index += 8
      }
    }
    while index < end, !contains(bytes[index]) { index += 1 }
    return index
  }
}
