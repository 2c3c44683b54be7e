import DisarmTestSupport
import Testing

@testable import DisarmParser

/// A page's file stem is cut on the bytes of an ASCII path: it must be what splitting the path into characters
/// gives (the last non-empty component less `.md`, the path itself when it has none), for any path.
@Suite struct FileStemTests {
  static func byCharacters(_ path: String) -> String {
    path.split(separator: "/").last.map { String($0.hasSuffix(".md") ? $0.dropLast(3) : $0) } ?? path
  }

  @Test func stemsAreThoseOfTheCharacterSplit() {
    var random = SeededRandom(seed: 25)
    let pieces = ["/", "techniques", "T0151.008", ".md", ".m", "d", "md", " ", "é", "\u{301}", "\r\n", "."]
    for round in 0..<20000 {
      let path = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }
        .joined()
      #expect(PageParser.fileStem(of: path) == Self.byCharacters(path), "round \(round): \(path.debugDescription)")
    }
  }
}
