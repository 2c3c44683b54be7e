import DisarmTestSupport
import Foundation
import Testing

/// A writing command checks every option before it writes anything: a usage error exits 2 and the knowledge base
/// is byte for byte as it was.
@Suite struct CheckBeforeWritingTests {
  /// Every file under `folder` with its bytes.
  static func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
    for case let path as String in enumerator {
      var isFolder: ObjCBool = false
      let url = folder.appendingPathComponent(path)
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
        files[path] = try Data(contentsOf: url)
      }
    }
    return files
  }

  @Test func fixWithBothSinceAndAgainstIsAUsageErrorAndWritesNothing() throws {
    let kb = try RegenerationCommandTests.copy(DisarmProcess.repository.appendingPathComponent("data"))
    // A page `--fix` would rewrite (a name changed, so the tactic's derived table is out of date).
    let technique = kb.appendingPathComponent("techniques/T0151.004.md")
    let renamed = try String(contentsOf: technique, encoding: .utf8).replacingOccurrences(
      of: "# Technique T0151.004: Chat Platform", with: "# Technique T0151.004: Chat Service")
    try renamed.write(to: technique, atomically: true, encoding: .utf8)
    let before = try Self.snapshot(kb)

    let result = try DisarmProcess.run(["lint", kb.path, "--fix", "--since", "HEAD", "--against", kb.path])
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains("give --since or --against, not both"), "\(result.stderr)")
    #expect(!result.stderr.contains("fixed"), "\(result.stderr)")
    #expect(try Self.snapshot(kb) == before, "lint --fix wrote before refusing its options")
  }

  @Test func fixWithAnUnreadableOlderVersionWritesNothing() throws {
    let kb = try RegenerationCommandTests.copy(DisarmProcess.repository.appendingPathComponent("data"))
    let technique = kb.appendingPathComponent("techniques/T0151.004.md")
    let renamed = try String(contentsOf: technique, encoding: .utf8).replacingOccurrences(
      of: "# Technique T0151.004: Chat Platform", with: "# Technique T0151.004: Chat Service")
    try renamed.write(to: technique, atomically: true, encoding: .utf8)
    let before = try Self.snapshot(kb)

    let missing = kb.deletingLastPathComponent().appendingPathComponent("no-such-older-version").path
    let result = try DisarmProcess.run(["lint", kb.path, "--fix", "--against", missing])
    #expect(result.status == 2, "\(result.stderr)")
    #expect(try Self.snapshot(kb) == before, "lint --fix wrote before the older version failed to load")
  }
}
