import DisarmTestSupport
import Foundation
import Testing

/// `disarm import FILE… --into KB` for incident files, through the built binary: STIX in, idempotent, the export
/// read back unchanged, errors in every reporter format with nothing written, hostile files refused quickly.
@Suite struct ImportIncidentsCommandTests {
  static let bundle = """
    {"type": "bundle", "id": "bundle--66666666-6666-4666-8666-666666666666", "objects": [
      {"type": "campaign", "spec_version": "2.1", "id": "campaign--33333333-3333-4333-8333-333333333333",
       "name": "Hashtag flooding", "description": "Bots flooded a hashtag.", "created": "2024-06-01T00:00:00.000Z"},
      {"type": "intrusion-set", "spec_version": "2.1", "id": "intrusion-set--22222222-2222-4222-8222-222222222222",
       "name": "Clone sites", "labels": ["incident"], "first_seen": "2022-05-01T00:00:00Z"},
      {"type": "attack-pattern", "spec_version": "2.1", "id": "attack-pattern--aaaaaaaa-0000-4000-8000-000000000001",
       "name": "x", "external_references": [{"source_name": "mitre-attack", "external_id": "T0073"}]},
      {"type": "relationship", "spec_version": "2.1", "id": "relationship--55555555-0000-4000-8000-000000000001",
       "relationship_type": "uses", "source_ref": "campaign--33333333-3333-4333-8333-333333333333",
       "target_ref": "attack-pattern--aaaaaaaa-0000-4000-8000-000000000001", "description": "Hashtags."},
      {"type": "relationship", "spec_version": "2.1", "id": "relationship--55555555-0000-4000-8000-000000000002",
       "relationship_type": "uses", "source_ref": "intrusion-set--22222222-2222-4222-8222-222222222222",
       "target_ref": "attack-pattern--70717452-f7e3-4ce8-956f-39a4d34c5cfb", "description": "Propaganda."}
    ]}
    """

  static func copy(_ source: URL = TestSupport.sampleData) throws -> (root: URL, kb: URL) {
    let root = TemporaryFolder.make("disarm-import-incidents")
    let kb = root.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: source, to: kb)
    try? FileManager.default.removeItem(at: kb.appendingPathComponent(".disarm.lock"))
    return (root, kb)
  }

  static func write(_ text: String, _ name: String, in root: URL) throws -> String {
    let url = root.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  /// Every file of `folder` with its bytes, but the writer's lock.
  static func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      guard url.lastPathComponent != ".disarm.lock", !url.hasDirectoryPath else { continue }
      files[url.path] = try Data(contentsOf: url)
    }
    return files
  }

  @Test func aBundleImportsOnceAndItsExportReadsBackUnchanged() throws {
    let (root, kb) = try Self.copy()
    let bundle = try Self.write(Self.bundle, "bundle.json", in: root)
    let first = try DisarmProcess.run(["import", bundle, "--into", kb.path])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.contains("2 incidents (2 new, 0 changed, 0 unchanged)"), "\(first.stderr)")
    let page = try String(contentsOf: kb.appendingPathComponent("incidents/I00906.md"), encoding: .utf8)
    #expect(page.contains("* **Imported from:** stix:campaign--33333333-3333-4333-8333-333333333333"))
    #expect(page.contains("techniques/T0073.md) | Hashtags. |"))
    let second = try String(contentsOf: kb.appendingPathComponent("incidents/I00907.md"), encoding: .utf8)
    #expect(second.contains("techniques/T0002.md) | Propaganda. |"))
    let check = try DisarmProcess.run(["build", kb.path, "--check"])
    #expect(check.status == 0 && check.stderr.contains("0 pages out of date"), "\(check.stderr)")
    let before = try Self.snapshot(kb)
    let again = try DisarmProcess.run(["import", bundle, "--into", kb.path])
    #expect(again.stderr.contains("(0 new, 0 changed, 2 unchanged), 0 pages written"), "\(again.stderr)")
    let exported = root.appendingPathComponent("export.json").path
    #expect(try DisarmProcess.run(["export", "stix", kb.path, "--output", exported]).status == 0)
    let back = try DisarmProcess.run(["import", exported, "--into", kb.path])
    #expect(back.status == 0 && back.stderr.contains("0 changed"), "\(back.stderr)")
    #expect(try Self.snapshot(kb) == before)
  }

  @Test(arguments: ["text", "json", "sarif", "github"])
  func anUnknownTechniqueIsReportedAtItsPlaceInEveryFormatAndNothingIsWritten(_ format: String) throws {
    let (root, kb) = try Self.copy()
    let bundle = try Self.write(Self.bundle.replacingOccurrences(of: "T0073", with: "T0999"), "b.json", in: root)
    let before = try Self.snapshot(kb)
    let result = try DisarmProcess.run(["import", bundle, "--into", kb.path, "--format", format])
    #expect(result.status == 1)
    #expect(try Self.snapshot(kb) == before)
    let output = format == "text" ? result.stderr : result.stdout
    #expect(output.contains("T0999"), "\(output)")
    switch format {
    case "text": #expect(result.stderr.contains("b.json:8:3: error: unknown technique T0999"))
    case "json":
      #expect(result.stdout.contains("\"line\": 8") && result.stdout.contains("\"column\": 3"), "\(result.stdout)")
    case "sarif":
      #expect(result.stdout.contains("\"startLine\"") && result.stdout.contains("incident-technique-unknown"))
    default: #expect(result.stdout.contains("::error file=") && result.stdout.contains("line=8,col=3"))
    }
  }

  @Test func dryRunListsThePlanAndWritesNothing() throws {
    let (root, kb) = try Self.copy()
    let bundle = try Self.write(Self.bundle, "bundle.json", in: root)
    let before = try Self.snapshot(kb)
    let result = try DisarmProcess.run(["import", bundle, "--into", kb.path, "--dry-run"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("would create: ") && result.stdout.contains("incidents/I00906.md"))
    #expect(result.stdout.contains("would update: ") && result.stdout.contains("techniques/T0073.md"))
    #expect(try Self.snapshot(kb) == before)
  }

  /// Deep nesting, a million values, a string over its bound and a file over the size bound: each one clear error,
  /// quickly, nothing written.
  @Test func hostileFilesAreRefusedWithAClearError() throws {
    let (root, kb) = try Self.copy()
    let cases: [(name: String, bytes: Data, says: String)] = [
      ("deep.json", Data(repeating: UInt8(ascii: "["), count: 1_000_000), "nested deeper than 64"),
      ("many.json", Data(("[" + String(repeating: "{},", count: 2_100_000) + "{}]").utf8), "more than 2000000 values"),
      (
        "string.json", Data(("{\"objects\": [\"" + String(repeating: "a", count: 2 << 20) + "\"]}").utf8),
        "a string longer than 1048576 bytes"
      ),
      ("huge.json", Data(count: (64 << 20) + 1), "over the bound of 67108864 bytes"),
    ]
    for item in cases {
      let path = root.appendingPathComponent(item.name)
      try item.bytes.write(to: path)
      let start = Date()
      let result = try DisarmProcess.run(["import", path.path, "--into", kb.path])
      #expect(result.status == 1, "\(item.name)")
      #expect(result.stderr.contains(item.says), "\(item.name): \(result.stderr)")
      #expect(Date().timeIntervalSince(start) < 20, "\(item.name)")
    }
  }

  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func aBundleWithTheFoundationsIdsImportsIntoTheReleaseCleanly() throws {
    let (root, kb) = try Self.copy(Corpus.release("disarm-2025-02-10"))
    let lintBefore = try DisarmProcess.run(["lint", kb.path])
    let bundle = try Self.write(Self.bundle, "bundle.json", in: root)
    let result = try DisarmProcess.run(["import", bundle, "--into", kb.path])
    #expect(result.status == 0 && result.stderr.contains("2 new"), "\(result.stderr)")
    let pages = kb.appendingPathComponent("generated_pages")
    #expect(FileManager.default.fileExists(atPath: pages.appendingPathComponent("incidents/I00130.md").path))
    let technique = try String(contentsOf: pages.appendingPathComponent("techniques/T0002.md"), encoding: .utf8)
    #expect(technique.contains("[I00131 Clone sites](../../generated_pages/incidents/I00131.md) | Propaganda. |"))
    let check = try DisarmProcess.run(["build", kb.path, "--check"])
    #expect(check.stderr.contains("0 pages out of date"), "\(check.stderr)")
    // The release's own findings, no new error.
    let lintAfter = try DisarmProcess.run(["lint", kb.path])
    let summary = { (text: String) in text.split(separator: "\n").last.map { String($0.prefix(30)) } ?? "" }
    #expect(summary(lintAfter.stderr) == summary(lintBefore.stderr), "\(lintAfter.stderr.suffix(300))")
    let before = try Self.snapshot(kb)
    let exported = root.appendingPathComponent("export.json").path
    #expect(try DisarmProcess.run(["export", "stix", kb.path, "--output", exported]).status == 0)
    let back = try DisarmProcess.run(["import", exported, "--into", kb.path])
    #expect(back.stderr.contains("131 incidents (0 new, 0 changed, 131 unchanged)"), "\(back.stderr)")
    #expect(try Self.snapshot(kb) == before)
  }
}
