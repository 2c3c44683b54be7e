import DisarmTestSupport
import Testing

@testable import DisarmFramework

/// ``IdentifierSyntax/match(_:at:)`` groups shapes by the byte they start with: on random texts near every built-in
/// framework's identifiers, it must match what trying every shape in turn (longest prefix first) matches.
@Suite struct IdentifierSyntaxTests {
  /// Every shape tried in turn, as the syntax is described: longer prefixes first, a prefix that fits ends the
  /// search for shorter ones, then the digits, an optional sub-identifier, and no identifier byte after it.
  static func reference(_ bytes: [UInt8], kinds: [KindVocabulary]) -> (kind: ObjectKind, end: Int)? {
    var matchedPrefixLength: Int?
    for kind in kinds.sorted(by: { $0.id.prefix.utf8.count > $1.id.prefix.utf8.count }) {
      let prefix = Array(kind.id.prefix.utf8)
      if let length = matchedPrefixLength, prefix.count < length { break }
      guard bytes.starts(with: prefix) else { continue }
      matchedPrefixLength = prefix.count
      func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 48 && bytes[i] <= 57 }
      var i = prefix.count
      while isDigit(i) { i += 1 }
      guard (kind.id.digits...(kind.id.digits + kind.id.extraDigits)).contains(i - prefix.count) else { continue }
      if let subDigits = kind.id.subDigits, i < bytes.count, bytes[i] == UInt8(ascii: "."), isDigit(i + 1) {
        var j = i + 1
        while isDigit(j) { j += 1 }
        if j - i - 1 == subDigits { i = j }
      }
      if i < bytes.count, IdentifierSyntax.isIdentifierByte(bytes[i]) { return nil }
      return (kind.role, i)
    }
    return nil
  }

  @Test func matchesWhatTryingEveryShapeMatches() {
    var random = SeededRandom(seed: 25)
    for framework in BuiltInFrameworks.all {
      let prefixes = framework.kinds.map(\.id.prefix)
      let pieces = prefixes + ["0", "00", "0151", ".", ".008", "h", "e ", " ", "A", "T", "x"]
      for round in 0..<3000 {
        let text = (0..<Int.random(in: 1...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }
          .joined()
        let bytes = Array(text.utf8)
        let found = bytes.withUnsafeBufferPointer { framework.identifiers.match($0, at: 0) }
        let expected = Self.reference(bytes, kinds: framework.kinds)
        #expect(found?.kind == expected?.kind && found?.end == expected?.end, "\(framework.name) \(round): \(text)")
      }
    }
  }
}
