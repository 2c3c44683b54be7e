import DisarmTestSupport
import Foundation
import Testing

@testable import DisarmEditing

/// The writer's own parent-folder function gives what Foundation's `deletingLastPathComponent` gives, on the paths it
/// reads itself: absolute, without an empty component (others go to Foundation's, which traps on some of them, such
/// as a name without a slash or `///a/////`).
@Suite struct PageWriterPathTests {
  @Test func parentFoldersAreFoundationsParentFolders() {
    var random = SeededRandom(seed: 27)
    let pieces = ["/", "a", "techniques", "T0039 .md", ".", "..", " ", "é"]
    var paths = ["/", "/a", "/a/b", "/a/b/", "/tmp/kb/techniques/T0001.md", "/tmp/é/T0001.md", "/é"]
    for _ in 0..<3000 {
      paths.append(
        "/" + (0..<Int.random(in: 1...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined())
    }
    for path in paths where !path.contains("//") {
      #expect(
        PageWriter.parentFolder(of: path) == (path as NSString).deletingLastPathComponent, "\(path.debugDescription)")
    }
  }
}
