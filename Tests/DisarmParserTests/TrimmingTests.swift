import DisarmDiagnostics
import DisarmTestSupport
import Testing

/// `SourceText.trimmed` trims a page's bytes before decoding them, and `trimmingWhitespace()` trims a string in
/// place: both must give what decoding the text, copying its UTF-8 and trimming that gives, also for text that
/// decoding repairs and for slices that cut a character.
@Suite struct TrimmingTests {
  /// The trimming as it was first written: the decoded text's UTF-8 copied into an array and trimmed there.
  static func reference(_ text: String) -> String {
    let utf8 = Array(text.utf8)
    var start = 0
    var end = utf8.count
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    while start < end {
      if isSpace(utf8[start]) {
        start += 1
      } else if utf8[start] == 0xC2, start + 1 < utf8.count, utf8[start + 1] == 0xA0 {
        start += 2
      } else {
        break
      }
    }
    while end > start {
      if isSpace(utf8[end - 1]) {
        end -= 1
      } else if utf8[end - 1] == 0xA0, end > 1, utf8[end - 2] == 0xC2 {
        end -= 2
      } else {
        break
      }
    }
    return String(decoding: utf8[start..<end], as: UTF8.self)
  }

  @Test func trimmedAsTheDecodedText() {
    var random = SeededRandom(seed: 25)
    let pieces: [[UInt8]] = [
      [0x20], [0x09], [0x0A], [0x0D], [0xC2, 0xA0], [0xC2], [0xA0], Array("a".utf8), Array("é".utf8),
      Array("€".utf8), [0xE2, 0x82], [0xFF], [0x80], Array("TA07".utf8),
    ]
    for round in 0..<20000 {
      let bytes = (0..<Int.random(in: 0...10, using: &random)).flatMap { _ in pieces.randomElement(using: &random)! }
      let file = SourceFile(path: "t.md", bytes: bytes)
      let lower = Int.random(in: 0...bytes.count, using: &random)
      let upper = Int.random(in: lower...bytes.count, using: &random)
      let text = file.text(lower..<upper)
      #expect(text.trimmed == Self.reference(text.text), "round \(round): \(bytes) \(lower)..<\(upper)")
      #expect(text.text.trimmingWhitespace() == Self.reference(text.text), "round \(round): \(bytes)")
      let substring = text.text.dropFirst(min(1, text.text.count))
      #expect(substring.trimmingWhitespace() == Self.reference(String(substring)), "round \(round): \(bytes)")
    }
  }
}
