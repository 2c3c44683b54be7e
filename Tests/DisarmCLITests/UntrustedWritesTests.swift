import DisarmTestSupport
import Foundation
import Testing

/// The security suite, writes (docs/SECURITY.md): no command writes outside the knowledge base's tree, whatever its
/// links say. Each writing command is run against a tree whose `.disarm.lock` or kind folder is a link to a file or
/// folder outside, and the outside is compared byte for byte afterwards.
@Suite struct UntrustedWritesTests {
  /// A copy of data/ whose derived content is out of date (so that `build --write` and `lint --fix` have work).
  static func staleTree() throws -> URL {
    let kb = try RegenerationCommandTests.copy(DisarmProcess.repository.appendingPathComponent("data"))
    let technique = kb.appendingPathComponent("techniques/T0151.004.md")
    let renamed = try String(contentsOf: technique, encoding: .utf8).replacingOccurrences(
      of: "# Technique T0151.004: Chat Platform", with: "# Technique T0151.004: Chat Service")
    try renamed.write(to: technique, atomically: true, encoding: .utf8)
    return kb
  }

  /// The writing commands, for a tree at `kb` (the import reads a workbook made from data/).
  static func writers(_ kb: URL) throws -> [[String]] {
    let workbook = TemporaryFolder.make("disarm-workbook").appendingPathComponent("master.xlsx")
    let exported = try DisarmProcess.run(["export", "xlsx", TestSupport.sampleData.path, "-o", workbook.path])
    #expect(exported.status == 0, "\(exported.stderr)")
    return [
      ["build", kb.path, "--write"], ["lint", kb.path, "--fix"],
      ["new", "technique", "--tactic", "TA07", "--name", "Podcasts", "--kb", kb.path],
      ["import", workbook.path, "--into", kb.path],
    ]
  }

  @Test func aLockFileLinkedOutsideIsNeverWrittenThrough() throws {
    let outside = TemporaryFolder.make("disarm-outside").appendingPathComponent("precious")
    try "keep me\n".write(to: outside, atomically: true, encoding: .utf8)
    let kb = try Self.staleTree()
    try FileManager.default.createSymbolicLink(
      at: kb.appendingPathComponent(".disarm.lock"), withDestinationURL: outside)
    for command in try Self.writers(kb) {
      let result = try DisarmProcess.run(command)
      #expect(result.status == 2, "\(command): \(result.stderr)")
      #expect(result.stderr.contains(".disarm.lock") && result.stderr.contains("symbolic link"), "\(result.stderr)")
      #expect(try String(contentsOf: outside, encoding: .utf8) == "keep me\n", "\(command) wrote through the lock")
    }
  }

  @Test func aKindFolderLinkedOutsideIsNeverWrittenInto() throws {
    let kb = try Self.staleTree()
    // techniques/ moved outside the tree and linked back: what is out there must stay exactly as it is.
    let outside = TemporaryFolder.make("disarm-outside").appendingPathComponent("techniques")
    try FileManager.default.moveItem(at: kb.appendingPathComponent("techniques"), to: outside)
    try FileManager.default.createSymbolicLink(at: kb.appendingPathComponent("techniques"), withDestinationURL: outside)
    let before = try CheckBeforeWritingTests.snapshot(outside)
    for command in try Self.writers(kb) {
      let result = try DisarmProcess.run(command)
      // `new` and `import` must write there, and are refused; `build --write` and `lint --fix` only reach the pages
      // inside (the pages out there are not read: `outside-tree`).
      if ["new", "import"].contains(command[0]) {
        #expect(result.status == 2, "\(command): \(result.stderr)")
        #expect(result.stderr.contains("outside the knowledge base"), "\(command): \(result.stderr)")
      }
      #expect(try CheckBeforeWritingTests.snapshot(outside) == before, "\(command) wrote outside the tree")
    }
  }
}
