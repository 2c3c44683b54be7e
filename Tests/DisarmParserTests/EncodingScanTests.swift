import DisarmDiagnostics
import DisarmTestSupport
import Testing

/// The encoding scan (`binary-content`, `invalid-utf8`) skips ASCII eight bytes at a time and finds NUL bytes with
/// `memchr`: on random pages it must find what a byte-by-byte reading finds, at every alignment.
@Suite struct EncodingScanTests {
  /// The offset of the first byte that is not part of a valid UTF-8 sequence, read one byte at a time as the
  /// standard library's validation reads it.
  static func byteByByteInvalidOffset(_ bytes: [UInt8]) -> Int? {
    var start = 0
    while start < bytes.count {
      let byte = bytes[start]
      let length =
        switch byte {
        case 0..<0x80: 1
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
      guard length > 0, start + length <= bytes.count,
        String(validating: bytes[start..<start + length], as: UTF8.self) != nil
      else { return start }
      start += length
    }
    return nil
  }

  @Test func randomPagesScanAsByteByByte() {
    var random = SeededRandom(seed: 25)
    // Mostly ASCII with a few multi-byte characters, broken sequences and NULs, at every length up to 80 bytes.
    let pieces: [[UInt8]] = [
      Array("a".utf8), Array("Tactic TA01 ".utf8), Array("é".utf8), Array("€".utf8), Array("𝄞".utf8), [0xE2, 0x82],
      [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xFF], [0],
    ]
    for _ in 0..<4000 {
      var bytes: [UInt8] = []
      let target = Int.random(in: 0...80, using: &random)
      while bytes.count < target {
        let piece = Int.random(in: 0..<100, using: &random) < 85 ? 0 : Int.random(in: 1..<pieces.count, using: &random)
        bytes += piece == 0 ? [UInt8.random(in: 0x20...0x7E, using: &random)] : pieces[piece]
      }
      let file = SourceFile(path: "t.md", bytes: bytes)
      #expect(file.firstInvalidUTF8Offset == Self.byteByByteInvalidOffset(bytes), "\(bytes)")
      #expect(file.firstNULOffset == bytes.firstIndex(of: 0), "\(bytes)")
    }
  }
}
