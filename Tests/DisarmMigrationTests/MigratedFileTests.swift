import DisarmEditing
import DisarmTestSupport
import Testing

@testable import DisarmMigration

/// A migrated file kept as its original and edits: its runs of bytes make up its migrated bytes, and it is changed
/// exactly when those differ from the original (edits that put back what was there, or cancel out, included).
@Suite struct MigratedFileTests {
  @Test func runsAndChangeAgreeWithTheBytes() {
    var random = SeededRandom(seed: 17)
    for round in 0..<3000 {
      let original = (0..<Int.random(in: 0...20, using: &random)).map { _ in UInt8.random(in: 97...98, using: &random) }
      let edits = (0..<Int.random(in: 0...4, using: &random)).map { _ in
        let start = Int.random(in: 0...(original.count + 1), using: &random)
        let end = start + Int.random(in: 0...2, using: &random)
        return ByteEdit(
          range: start..<end,
          replacement: (0..<Int.random(in: 0...2, using: &random)).map { _ in UInt8.random(in: 97...98, using: &random)
          })
      }
      let file = MigrationResult.File(
        path: "f", format: .text, original: original, edits: edits, items: [], identifiers: 0, unchanged: 0)
      var runs: [UInt8] = []
      file.pieces { runs += $0 }
      #expect(runs == file.migrated, "round \(round): \(edits)")
      #expect(file.isChanged == (file.migrated != original), "round \(round): \(original) \(edits)")
    }
  }
}
