import DisarmDiagnostics
import DisarmTestSupport
import Testing

@testable import DisarmParser

/// The link scanner finds exactly the links the scanner it replaced found (kept here as the reference: a table of
/// matches per bracket, a byte-by-byte walk), on random texts of brackets, parentheses, escapes and line breaks.
@Suite struct LinkScannerTests {
  static func referenceMatches(
    in bytes: [UInt8], range: Range<Int>, open: UInt8, close: UInt8, escapes: Bool, lineBound: Bool = false
  ) -> [Int: Int] {
    var stack: [Int] = []
    var result: [Int: Int] = [:]
    var j = range.lowerBound
    while j < range.upperBound {
      let byte = bytes[j]
      if escapes, byte == UInt8(ascii: "\\") {
        j += 2
        continue
      }
      if byte == open {
        stack.append(j)
      } else if byte == close, let start = stack.popLast() {
        result[start] = j
      } else if lineBound, byte == UInt8(ascii: "\n") {
        stack.removeAll(keepingCapacity: true)
      }
      j += 1
    }
    return result
  }

  static func reference(_ bytes: [UInt8], range: Range<Int>) -> [Range<Int>] {
    let closingBracket = referenceMatches(
      in: bytes, range: range, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), escapes: true)
    let closingParenthesis = referenceMatches(
      in: bytes, range: range, open: UInt8(ascii: "("), close: UInt8(ascii: ")"), escapes: false, lineBound: true)
    var links: [Range<Int>] = []
    var i = range.lowerBound
    while i < range.upperBound {
      guard bytes[i] == UInt8(ascii: "["), i == 0 || bytes[i - 1] != UInt8(ascii: "\\"),
        let textEnd = closingBracket[i], textEnd + 1 < range.upperBound, bytes[textEnd + 1] == UInt8(ascii: "("),
        let end = closingParenthesis[textEnd + 1]
      else {
        i += 1
        continue
      }
      links.append(i..<(end + 1))
      i = end + 1
    }
    return links
  }

  @Test func findsTheLinksTheOldScannerFound() {
    var random = SeededRandom(seed: 25)
    let pieces = ["[", "]", "(", ")", "\\", "\n", "a", " ", "[a](b)", "](", "\\[", "é"]
    for round in 0..<20000 {
      let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in pieces.randomElement(using: &random)! }
        .joined()
      let bytes = Array(text.utf8)
      let file = SourceFile(path: "p.md", bytes: bytes)
      let lower = bytes.isEmpty ? 0 : Int.random(in: 0...min(3, bytes.count), using: &random)
      let upper = bytes.isEmpty ? 0 : Int.random(in: max(lower, bytes.count - 3)...bytes.count, using: &random)
      let found = LinkScanner.links(in: file, range: lower..<upper).map(\.whole.offsets)
      #expect(found == Self.reference(bytes, range: lower..<upper), "round \(round): \(text.debugDescription)")
    }
  }
}
