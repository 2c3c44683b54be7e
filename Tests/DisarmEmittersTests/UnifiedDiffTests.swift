import DisarmSupport
import DisarmTestSupport
import Foundation
import Testing

@testable import DisarmRegeneration

@Suite struct UnifiedDiffTests {
  func diff(_ old: String, _ new: String) -> String {
    UnifiedDiff.diff(old: Array(old.utf8), new: Array(new.utf8), oldName: "a/p.md", newName: "b/p.md")
  }

  @Test func equalFilesGiveNoDiff() { #expect(diff("a\nb\n", "a\nb\n") == "") }

  @Test func oneChangedLineWithContext() {
    let old = (1...10).map { "line \($0)\n" }.joined()
    let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
    #expect(
      diff(old, new) == """
        --- a/p.md
        +++ b/p.md
        @@ -2,7 +2,7 @@
         line 2
         line 3
         line 4
        -line 5
        +line five
         line 6
         line 7
         line 8

        """)
  }

  @Test func distantChangesMakeTwoHunks() {
    let old = (1...20).map { "\($0)\n" }.joined()
    let new = old.replacingOccurrences(of: "\n2\n", with: "\nB\n").replacingOccurrences(of: "\n19\n", with: "\nS\n")
    let output = diff(old, new)
    #expect(output.components(separatedBy: "\n@@ ").count == 3)
    #expect(output.contains("@@ -1,5 +1,5 @@"))
    #expect(output.contains("@@ -16,5 +16,5 @@"))
  }

  @Test func missingFinalNewlineIsMarked() {
    #expect(
      diff("a\nb", "a\nc")
        == "--- a/p.md\n+++ b/p.md\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"
    )
  }

  @Test func creationDiffsAgainstEmpty() {
    #expect(diff("", "x\n") == "--- a/p.md\n+++ b/p.md\n@@ -0,0 +1,1 @@\n+x\n")
  }
}

@Suite struct SafePathTests {
  let folder = URL(fileURLWithPath: "/tmp/kb")

  @Test(arguments: ["../x.md", "techniques/../../x.md", "/etc/passwd", "", "a/\u{0}.md"])
  func pathsLeavingTheFolderAreRefused(path: String) {
    #expect(throws: WriteError.self) { try SafePath.resolve(path, in: folder) }
  }

  @Test func ordinaryPathsStayInside() throws {
    #expect(try SafePath.resolve("techniques/T0039 .md", in: folder).path == "/tmp/kb/techniques/T0039 .md")
  }

  /// The check on bytes refuses exactly what splitting the path into components refused: a `..` component or a NUL.
  @Test func parentComponentsAreFoundAsSplittingFoundThem() {
    var random = SeededRandom(seed: 12)
    let pieces = ["..", ".", "/", "a", ".a", "a.", "...", "\u{0}", "é", "//"]
    for _ in 0..<5000 {
      let path = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
      let split = path.split(separator: "/", omittingEmptySubsequences: false)
      let expected = split.contains("..") || path.utf8.contains(0)
      #expect(SafePath.hasParentComponentOrNUL(path) == expected, "\(path.debugDescription)")
    }
  }
}

@Suite struct LeftoverTemporaryFileTests {

}
