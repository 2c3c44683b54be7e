import DisarmTestSupport
import Testing

@testable import DisarmModel

/// An index row's file stem is cut on bytes for an ASCII link; the result is what splitting the link into
/// characters gave (kept here as the reference), for ASCII links and others.
@Suite struct IndexFileStemTests {
  static func reference(_ href: String) -> String {
    let name = href.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? href
    return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
  }

  @Test func stemsAreThoseOfTheCharacterSplit() {
    var random = SeededRandom(seed: 27)
    let pieces = ["/", "techniques", "T0039", " ", ".md", ".m", "d", ".", "\r\n", "\r", "é", "/\u{301}", "md"]
    var hrefs = ["", "/", "a.md", ".md", "md", "techniques/T0001.md", "techniques/T0039 .md", "x/.md", "a/b/"]
    for _ in 0..<5000 {
      hrefs.append(
        (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined())
    }
    for href in hrefs {
      #expect(IndexReader.fileStem(href) == Self.reference(href), "\(href.debugDescription)")
    }
  }
}
