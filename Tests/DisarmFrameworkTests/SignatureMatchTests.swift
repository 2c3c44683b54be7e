import DisarmFramework
import DisarmTestSupport
import Testing

/// Signature patterns (`techniques/T????.000.md`, `*`, `?`) are matched byte by byte, backtracking to the last `*`:
/// the same answers as matching them by their definition, recursively.
@Suite struct SignatureMatchTests {
  /// `*` is any run of bytes, `?` one byte, anything else itself.
  static func byDefinition(_ name: ArraySlice<UInt8>, _ pattern: ArraySlice<UInt8>) -> Bool {
    guard let first = pattern.first else { return name.isEmpty }
    switch first {
    case UInt8(ascii: "*"):
      return (name.startIndex...name.endIndex).contains { byDefinition(name[$0...], pattern.dropFirst()) }
    case UInt8(ascii: "?"): return !name.isEmpty && byDefinition(name.dropFirst(), pattern.dropFirst())
    default: return name.first == first && byDefinition(name.dropFirst(), pattern.dropFirst())
    }
  }

  @Test func knownSignatures() {
    #expect(FrameworkDetection.signature("techniques/T????.000.md", matches: "techniques/T0001.000.md"))
    #expect(!FrameworkDetection.signature("techniques/T????.000.md", matches: "techniques/T0001.001.md"))
    #expect(FrameworkDetection.signature("*.md", matches: "disarm_red_framework.md"))
    #expect(!FrameworkDetection.signature("*.md", matches: "retired.yml"))
    #expect(FrameworkDetection.signature("*", matches: ""))
  }

  @Test func randomPatternsMatchAsDefined() {
    var random = SeededRandom(seed: 25)
    let letters = Array("ab.*?".utf8)
    for _ in 0..<5000 {
      let name = (0..<Int.random(in: 0...8, using: &random)).map { _ in letters[Int.random(in: 0..<3, using: &random)] }
      let pattern = (0..<Int.random(in: 0...6, using: &random)).map { _ in letters.randomElement(using: &random)! }
      let (nameText, patternText) = (String(decoding: name, as: UTF8.self), String(decoding: pattern, as: UTF8.self))
      #expect(
        FrameworkDetection.signature(patternText, matches: nameText) == Self.byDefinition(name[...], pattern[...]),
        "\(patternText) against \(nameText)")
    }
  }
}
