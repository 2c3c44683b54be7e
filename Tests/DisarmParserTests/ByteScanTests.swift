import DisarmTestSupport
import Testing

@testable import DisarmParser

/// ``ByteScan`` tests eight bytes at once: on random bytes, at every alignment and range, it must stop where a
/// byte-by-byte search stops, for each set the scanners use and for sets at the ends of its range of values.
@Suite struct ByteScanTests {
  static let sets: [(name: String, scan: ByteScan, contains: @Sendable (UInt8) -> Bool)] = [
    ("table structure", .tableStructure, { "\\[]()|".utf8.contains($0) }),
    ("capitals", .capitals, { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }),
    (
      "brackets", ByteScan(bytes: UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\\")),
      { "[]\\".utf8.contains($0) }
    ),
    (
      "parentheses", ByteScan(bytes: UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\n")),
      { "()\n".utf8.contains($0) }
    ),
    ("extremes", ByteScan(bytes: 1, 127, 0x40), { $0 == 1 || $0 == 127 || $0 == 0x40 }),
  ]

  @Test func stopsWhereAByteByByteSearchStops() {
    var random = SeededRandom(seed: 25)
    for round in 0..<20000 {
      let count = Int.random(in: 0...40, using: &random)
      // Dense random bytes (high bytes included) or mostly letters with a rare other byte.
      let dense = Bool.random(using: &random)
      let bytes: [UInt8] = (0..<count).map { _ in
        dense || Int.random(in: 0..<16, using: &random) == 0
          ? UInt8.random(in: 0...255, using: &random) : UInt8(ascii: "a")
      }
      for (name, scan, contains) in Self.sets {
        let start = Int.random(in: 0...count, using: &random)
        let end = Int.random(in: start...count, using: &random)
        let found = bytes.withUnsafeBufferPointer { scan.next(in: $0, from: start, to: end) }
        let expected = bytes[start..<end].firstIndex(where: contains) ?? end
        #expect(found == expected, "round \(round), \(name): \(bytes) \(start)..<\(end)")
      }
    }
  }

  @Test func everyByteValueIsToldApart() {
    for value in 0...255 {
      // The byte at each position of a word, after letters that no set holds.
      for position in 0..<8 {
        let bytes =
          [UInt8](repeating: UInt8(ascii: "a"), count: position) + [UInt8(value)]
          + [UInt8](repeating: UInt8(ascii: "a"), count: 12 - position)
        for (name, scan, contains) in Self.sets {
          let found = bytes.withUnsafeBufferPointer { scan.next(in: $0, from: 0, to: bytes.count) }
          #expect(found == (contains(UInt8(value)) ? position : bytes.count), "\(name): \(value) at \(position)")
        }
      }
    }
  }
}
