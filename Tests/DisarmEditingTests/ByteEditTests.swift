import DisarmTestSupport
import Testing

@testable import DisarmEditing

/// Edits applied by building the result once from the first byte give what replacing each range in place, from the
/// last, gave (kept here as the reference): overlapping edits, insertions, removals and edits past the end included.
@Suite struct ByteEditTests {
  static func reference(_ edits: [ByteEdit], to bytes: [UInt8]) -> [UInt8] {
    var bytes = bytes
    var applied = bytes.count + 1
    for edit in edits.sorted(by: {
      ($0.range.lowerBound, $0.range.upperBound) > ($1.range.lowerBound, $1.range.upperBound)
    }) {
      guard edit.range.upperBound <= applied, edit.range.upperBound <= bytes.count else { continue }
      bytes.replaceSubrange(edit.range, with: edit.replacement)
      applied = edit.range.lowerBound
    }
    return bytes
  }

  @Test func randomEditsGiveTheReferenceBytes() {
    var random = SeededRandom(seed: 33)
    for round in 0..<3000 {
      let bytes = (0..<Int.random(in: 0...30, using: &random)).map { _ in UInt8.random(in: 97...100, using: &random) }
      let edits = (0..<Int.random(in: 0...6, using: &random)).map { _ in
        let start = Int.random(in: 0...(bytes.count + 2), using: &random)
        let end = start + Int.random(in: 0...4, using: &random)
        return ByteEdit(
          range: start..<end,
          replacement: (0..<Int.random(in: 0...5, using: &random)).map { _ in UInt8.random(in: 65...68, using: &random)
          })
      }
      #expect(ByteEdit.applied(edits, to: bytes) == Self.reference(edits, to: bytes), "round \(round): \(edits)")
    }
  }
}
