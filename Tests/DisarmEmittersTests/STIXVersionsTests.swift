import DisarmDiagnostics
import DisarmExports
import DisarmModel
import DisarmTestSupport
import Foundation
import Testing

/// `--previous OLD.json` and `--collection`: dates and versions that move only for objects whose content changed,
/// and the release as an ATT&CK `x-mitre-collection`.
@Suite struct STIXVersionsTests {
  /// A copy of `data/` with T0002's summary changed and `register` as its retired.yml.
  static func changedCopy(register: String = "") throws -> URL {
    let folder = TemporaryFolder.make("disarm-versions").appendingPathComponent("kb")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: folder)
    let page = folder.appendingPathComponent("techniques/T0002.md")
    let text = try String(contentsOf: page, encoding: .utf8)
    let changed = text.replacingOccurrences(of: "**Summary**: Use the operation", with: "**Summary**: Use the campaign")
    #expect(changed != text)
    try Data(changed.utf8).write(to: page)
    if !register.isEmpty { try Data(register.utf8).write(to: folder.appendingPathComponent("retired.yml")) }
    return folder
  }

  static func objects(_ bytes: [UInt8]) throws -> [String: [String: Any]] {
    let document = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    let list = try #require(document["objects"] as? [[String: Any]])
    return Dictionary(list.map { ($0["id"] as! String, $0) }, uniquingKeysWith: { first, _ in first })
  }

  static func pattern(_ objects: [String: [String: Any]], _ id: String) throws -> [String: Any] {
    try #require(
      objects.values.first {
        $0["type"] as? String == "attack-pattern"
          && ($0["external_references"] as? [[String: Any]])?.first?["external_id"] as? String == id
      })
  }

  static func collection(_ objects: [String: [String: Any]]) throws -> [String: Any] {
    try #require(objects.values.first { $0["type"] as? String == "x-mitre-collection" })
  }

  @Test func unchangedObjectsKeepDatesAndVersionsChangedOnesMoveOn() throws {
    let old = try KnowledgeBaseLoader.load(from: TestSupport.sampleData.path)
    let first = STIXBundle.export(for: old, options: .init(date: STIXDate("2025-01-15")!, collection: true))
    let register = "- id: T0085.001\n  name: Old sub-technique\n  retired: v2\n  replaced-by: T0085\n"
    let copy = try Self.changedCopy(register: register)
    // Removing an object is removing its index row and its page (an index-listed object without a page stays).
    try FileManager.default.removeItem(at: copy.appendingPathComponent("techniques/T0085.001.md"))
    let index = copy.appendingPathComponent("techniques_index.md")
    let listing = try String(contentsOf: index, encoding: .utf8)
    try Data(IndexRows.removing("T0085.001", folder: "techniques", from: listing).utf8).write(to: index)
    let new = try KnowledgeBaseLoader.load(from: copy.path)
    let previous = try STIXInputBundle(bytes: first.bytes, path: "old.json")
    let second = STIXBundle.export(
      for: new,
      options: .init(date: STIXDate("2025-06-01")!, knownIDs: try STIXKnownIDs([previous]), previous: previous))
    let before = try Self.objects(first.bytes)
    let after = try Self.objects(second.bytes)
    // T0002's summary changed: a new modified, the version's minor number raised, created kept.
    let changed = try Self.pattern(after, "T0002")
    let changedBefore = try Self.pattern(before, "T0002")
    #expect(changed["id"] as? String == changedBefore["id"] as? String)
    #expect(changed["modified"] as? String == "2025-06-01T00:00:00.000Z")
    #expect(changed["created"] as? String == "2025-01-15T00:00:00.000Z")
    #expect(changed["x_mitre_version"] as? String == "1.1")
    // T0073 did not change: everything kept.
    let same = try Self.pattern(after, "T0073")
    #expect(same["modified"] as? String == "2025-01-15T00:00:00.000Z")
    #expect(same["x_mitre_version"] as? String == "1.0")
    // T0085.001 is gone with a register entry: revoked under its old id, by T0085.
    let retired = try Self.pattern(after, "T0085.001")
    #expect(retired["id"] as? String == (try Self.pattern(before, "T0085.001"))["id"] as? String)
    #expect(retired["revoked"] as? Bool == true)
    #expect(retired["modified"] as? String == "2025-06-01T00:00:00.000Z")
    let versions = try #require(second.versions)
    #expect(versions.changed.contains(changed["id"] as! String) && versions.changed.contains(retired["id"] as! String))
    #expect(versions.version == "2.0")
    // The collection lists exactly the bundle's other objects, each with its modified.
    let collection = try Self.collection(after)
    let contents = try #require(collection["x_mitre_contents"] as? [[String: String]])
    let listed = Set(contents.map { "\($0["object_ref"]!) \($0["object_modified"]!)" })
    let present = Set(
      after.values.filter { $0["type"] as? String != "x-mitre-collection" }.map {
        "\($0["id"] as! String) \(($0["modified"] ?? $0["created"]) as! String)"
      })
    #expect(listed == present && contents.count == after.count - 1)
    #expect(collection["x_mitre_version"] as? String == "2.0")
    #expect((try Self.collection(before))["x_mitre_version"] as? String == "1.0")
  }

  @Test func anExportOfUnchangedPagesIsTheSameBytes() throws {
    let kb = try KnowledgeBaseLoader.load(from: TestSupport.sampleData.path)
    let first = STIXBundle.export(for: kb, options: .init(date: STIXDate("2025-01-15")!, collection: true))
    let previous = try STIXInputBundle(bytes: first.bytes, path: "old.json")
    let second = STIXBundle.export(
      for: kb,
      options: .init(date: STIXDate("2026-01-01")!, knownIDs: try STIXKnownIDs([previous]), previous: previous))
    #expect(second.bytes == first.bytes)
    #expect(second.versions?.changed == [] && second.versions?.added == 0 && second.versions?.removed == [])
    #expect(second.versions?.version == "1.0")
  }

  @Test func versionsAreRaised() {
    #expect(STIXCollection.raised("1.0", major: false) == "1.1")
    #expect(STIXCollection.raised("2.9", major: false) == "2.10")
    #expect(STIXCollection.raised("2.9", major: true) == "3.0")
    #expect(STIXCollection.raised("x", major: false) == "1.1")
    #expect(STIXCollection.raised("1.2.3", major: true) == "2.0")
  }

  /// Two consecutive releases with a register of three identifiers the later one dropped: unchanged techniques keep
  /// id, modified and version, changed ones get a new version, the retired ones are revoked or deprecated, and the
  /// collection lists exactly the release's objects.
  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func consecutiveReleases() throws {
    let old = try KnowledgeBaseLoader.load(from: Corpus.release("disarm-2024-03-13").path)
    let first = STIXBundle.export(for: old, options: .init(date: STIXDate("2024-03-13")!, collection: true))
    let folder = TemporaryFolder.make("disarm-versions").appendingPathComponent("kb")
    try FileManager.default.copyItem(at: Corpus.release("disarm-2024-11-22"), to: folder)
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o755], ofItemAtPath: folder.appendingPathComponent("generated_pages").path)
    try Data(ConsecutiveReleases.register.utf8).write(
      to: folder.appendingPathComponent("generated_pages/retired.yml"))
    let new = try KnowledgeBaseLoader.load(from: folder.path)
    let previous = try STIXInputBundle(bytes: first.bytes, path: "old.json")
    let second = STIXBundle.export(
      for: new,
      options: .init(date: STIXDate("2024-11-22")!, knownIDs: try STIXKnownIDs([previous]), previous: previous))
    let before = try Self.objects(first.bytes)
    let after = try Self.objects(second.bytes)
    var unchanged = 0
    var changed = 0
    for (id, object) in after where object["type"] as? String == "attack-pattern" {
      guard let was = before[id] else { continue }
      let strip: Set<String> = ["created", "modified", "x_mitre_version"]
      let same =
        NSDictionary(dictionary: object.filter { !strip.contains($0.key) })
        == NSDictionary(dictionary: was.filter { !strip.contains($0.key) })
      if same {
        unchanged += 1
        #expect(object["modified"] as? String == was["modified"] as? String)
        #expect(object["x_mitre_version"] as? String == was["x_mitre_version"] as? String)
      } else {
        changed += 1
        #expect(object["modified"] as? String == "2024-11-22T00:00:00.000Z")
        #expect(object["x_mitre_version"] as? String == "1.1")
      }
    }
    #expect(unchanged == 248 && changed == 13, "unchanged \(unchanged), changed \(changed)")
    #expect((try Self.pattern(after, "T0007"))["revoked"] as? Bool == true)
    #expect((try Self.pattern(after, "T0090.001"))["revoked"] as? Bool == true)
    #expect((try Self.pattern(after, "T0009"))["x_mitre_deprecated"] as? Bool == true)
    #expect(try Self.pattern(after, "T0009")["id"] as? String == (try Self.pattern(before, "T0009"))["id"] as? String)
    let contents = try #require((try Self.collection(after))["x_mitre_contents"] as? [[String: String]])
    #expect(
      Set(contents.map { $0["object_ref"]! })
        == Set(after.keys).subtracting([try Self.collection(after)["id"] as! String]))
  }
}
