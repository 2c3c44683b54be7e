import DisarmTestSupport
import Foundation
import Testing

/// Every change to a knowledge base goes through the editing executor: no code outside `Sources/DisarmEditing` takes
/// the writer lock or uses the compare-and-swap batch writer. (Outputs outside a knowledge base, such as exports and
/// `build --output`, write with `AtomicFile` and `StagedFolder` directly.)
@Suite(
  .enabled(
    if: FileManager.default.fileExists(atPath: TestSupport.repositoryRoot.appendingPathComponent("Sources").path),
    "the repository's Sources folder is not beside the tests: convention tests skipped"))
struct OneWriterConventionTests {
  static let sources = TestSupport.repositoryRoot.appendingPathComponent("Sources")

  /// Each Swift file under Sources, relative path and text with comments removed.
  static func files() throws -> [(path: String, code: String)] {
    let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
    var files: [(String, String)] = []
    for case let path as String in enumerator where path.hasSuffix(".swift") {
      let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
      let code = text.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
      files.append((path, code))
    }
    return files
  }

  @Test(arguments: [
    ("WriterLock", ["DisarmSupport/Writing/WriterLock.swift", "DisarmEditing/"]),
    ("writeBatch(", ["DisarmSupport/Writing/AtomicFile.swift", "DisarmEditing/"]),
    ("PageWriter", ["DisarmEditing/"]),
    ("EditLock(", ["DisarmEditing/", "disarm/Build.swift"]),
  ])
  func onlyTheEditingTargetWritesIntoAKnowledgeBase(_ symbol: String, _ allowed: [String]) throws {
    let files = try Self.files()
    #expect(files.count > 100, "found only \(files.count) source files")
    let offenders = files.filter { file in
      file.code.contains(symbol) && !allowed.contains { file.path.hasPrefix($0) }
    }.map(\.path)
    #expect(offenders.isEmpty, "\(symbol) used outside \(allowed): \(offenders)")
  }
}
