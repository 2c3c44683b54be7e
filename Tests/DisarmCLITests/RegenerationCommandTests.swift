import DisarmTestSupport
import Foundation
import Testing

/// End-to-end: `disarm build --check`, `--diff` and `--write` on copies of knowledge bases.
@Suite struct RegenerationCommandTests {
  static let corpus2025 = Corpus.pages("disarm-2025-02-10")

  /// A copy of a page folder in a temporary directory.
  static func copy(_ folder: URL) throws -> URL {
    let target = TemporaryFolder.make("disarm-cli").appendingPathComponent("kb")
    try FileManager.default.copyItem(at: folder, to: target)
    return target
  }

  static func files(in folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      guard url.pathExtension == "md" else { continue }
      result[String(url.path.dropFirst(folder.path.count + 1))] = FileManager.default.contents(atPath: url.path)
    }
    return result
  }

  @Test func sampleKnowledgeBaseIsUpToDate() throws {
    let result = try DisarmProcess.run(["build", "data", "--check"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasSuffix("; 0 pages out of date\n"))
  }

  @Test func checkAndWriteCannotBeCombined() throws {
    let result = try DisarmProcess.run(["build", "data", "--check", "--write"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("--check and --write cannot be used together"))
  }

  @Test(.enabled(if: Corpus.available, "../shared/corpus is absent: drift test skipped"))
  func incidentGainingATechniqueRowDriftsExactlyTheTechniquePage() throws {
    let kb = try Self.copy(Self.corpus2025)
    for stale in ["tactics/TA03.md", "tactics/TA04.md"] {
      try FileManager.default.removeItem(at: kb.appendingPathComponent(stale))
    }
    let before = try DisarmProcess.run(["build", kb.path, "--check"])
    let baseline = Set(before.stdout.split(separator: "\n").map(String.init))

    let incident = kb.appendingPathComponent("incidents/I00096.md")
    var text = try String(contentsOf: incident, encoding: .utf8)
    let anchor = "| [T0152.006 Video Platform]"
    let row =
      "| [T0151.008 Microblogging Platform](../../generated_pages/techniques/T0151.008.md) | A post on a microblog (T0151.008: Microblogging Platform). |\n"
    text = text.replacingOccurrences(of: anchor, with: row + anchor)
    try text.write(to: incident, atomically: true, encoding: .utf8)

    let check = try DisarmProcess.run(["build", kb.path, "--check"])
    #expect(check.status == 1)
    let drift = Set(check.stdout.split(separator: "\n").map(String.init)).subtracting(baseline)
    #expect(drift == ["would update: techniques/T0151.008.md"])

    let diff = try DisarmProcess.run(["build", kb.path, "--check", "--diff"])
    #expect(diff.stdout.contains("+++ b/techniques/T0151.008.md"))
    #expect(
      diff.stdout.contains(
        "+| [I00096 China ramps up use of AI misinformation](../../generated_pages/incidents/I00096.md) | A post on a microblog"
      ))

    let snapshot = Self.files(in: kb)
    let write = try DisarmProcess.run(["build", kb.path, "--write"])
    #expect(write.stdout.contains("updated: techniques/T0151.008.md"))
    let after = try DisarmProcess.run(["build", kb.path, "--check"])
    #expect(after.stdout.isEmpty, "after --write: \(after.stdout)")
    let changed = Set(Self.files(in: kb).filter { snapshot[$0.key] != $0.value }.keys)
    #expect(changed == Set(baseline.map { String($0.split(separator: " ").last!) }).union(["techniques/T0151.008.md"]))
  }

  @Test func writeKeepsNotesAndTouchesOnlyChangedPages() throws {
    let kb = try Self.copy(DisarmProcess.repository.appendingPathComponent("data"))
    var generator = SystemRandomNumberGenerator()
    let pieces = [
      "# A heading\n", "| not | a | table |\n", "DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW\n",
      "<b>html</b> &amp;",
      "Ünïcödé — 日本語 🙂", "**Tactic**: TA99 Fake", "\r\n", "T0151.008: Microblogging Platform", "   trailing   ",
    ]
    var tails: [String: [UInt8]] = [:]
    for (path, data) in Self.files(in: kb) where path.contains("/") {
      let count = Int.random(in: 1...5, using: &generator)
      let note = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: "\n")
      let url = kb.appendingPathComponent(path)
      var bytes = Array(data)
      bytes += Array(("\n" + note).utf8)  // no trailing newline on purpose
      try Data(bytes).write(to: url)
      let marker = Array("DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW".utf8)
      let start = try #require(bytes.firstRange(of: marker)?.lowerBound)
      tails[path] = Array(bytes[start...])
    }
    // An edit elsewhere: rename a technique in its own page.
    let technique = kb.appendingPathComponent("techniques/T0151.004.md")
    let renamed = try String(contentsOf: technique, encoding: .utf8).replacingOccurrences(
      of: "# Technique T0151.004: Chat Platform", with: "# Technique T0151.004: Chat Service")
    try renamed.write(to: technique, atomically: true, encoding: .utf8)
    let untouched = kb.appendingPathComponent("phases/P01.md")
    let mtime = try FileManager.default.attributesOfItem(atPath: untouched.path)[.modificationDate] as? Date

    let write = try DisarmProcess.run(["build", kb.path, "--write"])
    #expect(write.status == 0, "\(write.stderr)")
    #expect(write.stdout.contains("updated: tactics/TA07.md"))
    for (path, tail) in tails {
      let bytes = Array(try Data(contentsOf: kb.appendingPathComponent(path)))
      let start = try #require(
        bytes.firstRange(of: Array("DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW".utf8))?.lowerBound)
      #expect(Array(bytes[start...]) == tail, "notes of \(path)")
    }
    #expect(try FileManager.default.attributesOfItem(atPath: untouched.path)[.modificationDate] as? Date == mtime)

    let second = try DisarmProcess.run(["build", kb.path, "--write"])
    #expect(second.stdout.isEmpty, "second --write changed: \(second.stdout)")
    #expect(second.stderr.hasSuffix("; 0 pages rewritten\n"))
  }
}

/// `--template 2025` migrates a 2022-template knowledge base.
@Suite struct MigrationCommandTests {
  /// The shape of a page: field labels and styles, table headers, in order; the text in between does not matter.
  static func skeleton(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
      if line.hasPrefix("# ") { return "heading" }
      if line.hasPrefix("**") || line.hasPrefix("* **") {
        return line.split(separator: ":", maxSplits: 1).first.map(String.init)
      }
      if line.hasPrefix("| "), !line.hasPrefix("| ["), !line.hasPrefix("| -") { return String(line) }
      if line.hasPrefix("DO NOT EDIT") { return "marker" }
      return nil
    }
  }

  @Test(.enabled(if: Corpus.available, "../shared/corpus is absent: migration test skipped"))
  func migrating2024CorpusGives2025FormForSharedTechniques() throws {
    let kb = try RegenerationCommandTests.copy(
      Corpus.pages("disarm-2024-11-22"))
    let result = try DisarmProcess.run(["build", kb.path, "--write", "--template", "2025"])
    #expect(result.status == 1, "the corpus holds junk files, so errors remain")
    let newer = RegenerationCommandTests.corpus2025
    let stale = Set(
      result.stderr.split(separator: "\n").filter { $0.hasSuffix("[stale-page]") }.map {
        String($0.split(separator: ":")[0])
      })
    var compared = 0
    for name in try FileManager.default.contentsOfDirectory(atPath: kb.appendingPathComponent("techniques").path) {
      let path = "techniques/\(name)"
      let referenceURL = newer.appendingPathComponent(path)
      guard !stale.contains(path), FileManager.default.fileExists(atPath: referenceURL.path) else { continue }
      let migrated = try String(contentsOf: kb.appendingPathComponent(path), encoding: .utf8)
      let reference = try String(contentsOf: referenceURL, encoding: .utf8)
      #expect(Self.skeleton(migrated) == Self.skeleton(reference), "\(path)")
      compared += 1
    }
    #expect(compared > 300)
    let check = try DisarmProcess.run(["build", kb.path, "--check"])
    #expect(check.stdout.isEmpty, "a migrated knowledge base is up to date in its new template")
  }

  /// Removing a technique (its index row and its page): `build --write` drops its row from the tactic's derived
  /// table (the broken row is what regeneration corrects, so it does not hold the tactic page back), and the
  /// knowledge base is clean again.
  @Test func removingATechniqueRegeneratesTheTacticWithoutItsRow() throws {
    let root = TemporaryFolder.make("disarm-delete")
    defer { try? FileManager.default.removeItem(at: root) }
    let kb = root.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: kb)
    try FileManager.default.removeItem(at: kb.appendingPathComponent("techniques/T0132.md"))
    let index = kb.appendingPathComponent("techniques_index.md")
    let text = try String(contentsOf: index, encoding: .utf8)
    try Data(IndexRows.removing("T0132", folder: "techniques", from: text).utf8).write(to: index)
    let before = try DisarmProcess.run(["lint", kb.path])
    #expect(before.stdout.contains("tactics/TA12.md:16:3: error: link to T0132, which has no page [unresolved-link]"))
    let write = try DisarmProcess.run(["build", kb.path, "--write"])
    #expect(write.stderr.contains("tactics/TA12.md"), "\(write.stderr)")
    let tactic = try String(contentsOf: kb.appendingPathComponent("tactics/TA12.md"), encoding: .utf8)
    #expect(!tactic.contains("T0132"))
    let after = try DisarmProcess.run(["lint", kb.path])
    #expect(!after.stdout.contains("unresolved-link"), "\(after.stdout)")
    #expect(!after.stdout.contains("missing-page"), "\(after.stdout)")
  }

  /// Deleting only a technique's page: its index still lists it, so it stays an object known by its row, and the
  /// tactic keeps its row; `missing-page` says the page is not written.
  @Test func deletingOnlyATechniquePageKeepsItListed() throws {
    let root = TemporaryFolder.make("disarm-delete")
    defer { try? FileManager.default.removeItem(at: root) }
    let kb = root.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: kb)
    let tacticBefore = try Data(contentsOf: kb.appendingPathComponent("tactics/TA12.md"))
    try FileManager.default.removeItem(at: kb.appendingPathComponent("techniques/T0132.md"))
    let lint = try DisarmProcess.run(["lint", kb.path])
    #expect(lint.stdout.contains("techniques_index.md lists T0132, which has no page [missing-page]"), "\(lint.stdout)")
    #expect(!lint.stdout.contains("unresolved-link"), "\(lint.stdout)")
    _ = try DisarmProcess.run(["build", kb.path, "--write"])
    #expect(try Data(contentsOf: kb.appendingPathComponent("tactics/TA12.md")) == tacticBefore)
  }
}
