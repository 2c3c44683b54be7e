import DisarmTestSupport
import Foundation
import Testing

/// `disarm new` end to end: the next identifier never used, the page in the knowledge base's template, the derived
/// pages updated, a clean knowledge base afterwards, and bad input that writes nothing.
@Suite struct NewCommandTests {
  /// A copy of data/ to add objects to.
  static func copy() throws -> (root: URL, kb: URL) {
    let root = TemporaryFolder.make("disarm-new")
    let kb = root.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: kb)
    return (root, kb)
  }

  /// Every file of a folder with its bytes (the lock file aside), to check that nothing was written.
  static func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    while let path = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let url = folder.appendingPathComponent(path)
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
        !path.hasSuffix(".disarm.lock")
      else { continue }
      files[path] = try Data(contentsOf: url)
    }
    return files
  }

  @Test func aSubtechniqueGetsTheNextFreeIdentifierAndTheKnowledgeBaseStaysClean() throws {
    let (root, kb) = try Self.copy()
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try DisarmProcess.run([
      "new", "technique", "--parent", "T0151", "--name", "Livestreaming Platform", "--kb", kb.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == kb.appendingPathComponent("techniques/T0151.009.md").path + "\n")
    #expect(result.stderr.contains("updated: ") && result.stderr.contains("tactics/TA07.md"), "\(result.stderr)")
    let page = try String(contentsOf: kb.appendingPathComponent("techniques/T0151.009.md"), encoding: .utf8)
    #expect(page.hasPrefix("# Technique T0151.009: Livestreaming Platform\n\n**Summary**: \n\n"))
    #expect(
      page.contains(
        "**Tactic**: TA07 Select Channels and Affordances <br><br>**Parent Technique:** T0151 Digital Community "
          + "Hosting Asset\n"))
    #expect(page.hasSuffix("DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW"))
    let tactic = try String(contentsOf: kb.appendingPathComponent("tactics/TA07.md"), encoding: .utf8)
    #expect(tactic.contains("| [T0151.009 Livestreaming Platform](../../generated_pages/techniques/T0151.009.md) |"))
    let index = try String(contentsOf: kb.appendingPathComponent("techniques_index.md"), encoding: .utf8)
    #expect(
      index.contains("<td><a href=\"techniques/T0151.009.md\">T0151.009</a></td>\n<td>Livestreaming Platform</td>"))
    let check = try DisarmProcess.run(["build", kb.path, "--check"])
    #expect(check.status == 0 && check.stderr.contains("0 errors") && check.stderr.contains("0 pages out of date"))
    let lint = try DisarmProcess.run(["lint", kb.path])
    #expect(lint.status == 0, "\(lint.stdout)")
    // The only finding is the summary the user has yet to write.
    #expect(lint.stdout.contains("[empty-summary]") && lint.stdout.contains("0 errors, 1 warning"), "\(lint.stdout)")
  }

  /// Retired identifiers and pages whose file name is the identifier in another letter case are never reissued.
  @Test func retiredAndCaseVariantIdentifiersAreSkipped() throws {
    let (root, kb) = try Self.copy()
    defer { try? FileManager.default.removeItem(at: root) }
    try Data("- id: T0151.009\n  name: Old platform\n  retired: v1\n".utf8).write(
      to: kb.appendingPathComponent("retired.yml"))
    try Data("# Technique T0151.010: Draft\n".utf8).write(to: kb.appendingPathComponent("techniques/t0151.010.md"))
    let dry = try DisarmProcess.run([
      "new", "technique", "--parent", "T0151", "--name", "Podcasts", "--kb", kb.path, "--dry-run",
    ])
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(dry.stdout.hasPrefix("# Technique T0151.011: Podcasts\n"), "\(dry.stdout)")
    // A top-level technique: the highest number in use, plus one.
    let top = try DisarmProcess.run([
      "new", "technique", "--tactic", "TA07", "--name", "Podcasts", "--kb", kb.path, "--dry-run",
    ])
    #expect(top.stdout.hasPrefix("# Technique T0152: Podcasts\n"), "\(top.stdout)")
  }

  @Test func dryRunPrintsThePlanAndWritesNothing() throws {
    let (root, kb) = try Self.copy()
    defer { try? FileManager.default.removeItem(at: root) }
    let before = try Self.snapshot(kb)
    let result = try DisarmProcess.run([
      "new", "task", "--tactic", "TA07", "--name", "Choose platforms", "--summary", "Pick where to post.",
      "--kb", kb.path, "--dry-run",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("would create: ") && result.stderr.contains("tasks/TK0038.md"), "\(result.stderr)")
    #expect(result.stdout.hasPrefix("# Task TK0038: Choose platforms\n\n* **Summary:** Pick where to post.\n"))
    #expect(try Self.snapshot(kb) == before)
  }

  /// DISARM 2026: `new assessment` under a group's category, in the framework's words and template.
  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func anAssessmentInTheAssessmentsFramework() throws {
    let root = TemporaryFolder.make("disarm-new")
    defer { try? FileManager.default.removeItem(at: root) }
    let kb = root.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: Corpus.release("disarm-2026-07-19"), to: kb)
    let result = try DisarmProcess.run([
      "new", "assessment", "--parent", "A0001", "--name", "Cross-platform Amplification", "--summary", "Reach.",
      "--kb", kb.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let path = kb.appendingPathComponent("generated_pages/techniques/A0001.005.md")
    #expect(result.stdout == path.path + "\n")
    let page = try String(contentsOf: path, encoding: .utf8)
    #expect(page.hasPrefix("# Assessment A0001.005: Cross-platform Amplification\n"), "\(page)")
    #expect(page.contains("**Category**: TA80 "), "\(page)")
    #expect(try DisarmProcess.run(["build", kb.path, "--check"]).status == 0)
    let lint = try DisarmProcess.run(["lint", kb.path])
    #expect(lint.status == 0 && lint.stdout.contains("0 errors, 0 warnings"), "\(lint.stdout)")
  }

  @Test(arguments: [
    (["new", "gadget", "--name", "X"], "no kind 'gadget'"),
    (["new", "technique", "--name", "  ", "--tactic", "TA07"], "the name is empty"),
    (["new", "technique", "--name", "microblogging platform", "--tactic", "TA07"], "T0151.008 is already named"),
    (["new", "technique", "--name", "X", "--parent", "T0999"], "--parent T0999: no such technique"),
    (["new", "technique", "--name", "X", "--parent", "TA07"], "--parent TA07 is a tactic, not a technique"),
    (["new", "technique", "--name", "X", "--parent", "T0151.008"], "is itself a sub-technique"),
    (["new", "technique", "--name", "X", "--parent", "T0151", "--tactic", "TA01"], "belongs to its parent's tactic"),
    (["new", "technique", "--name", "X"], "needs its tactic"),
    (["new", "technique", "--name", "X", "--tactic", "bogus"], "--tactic bogus: not an identifier"),
  ])
  func badInputExitsTwoAndWritesNothing(arguments: [String], message: String) throws {
    let (root, kb) = try Self.copy()
    defer { try? FileManager.default.removeItem(at: root) }
    let before = try Self.snapshot(kb)
    let result = try DisarmProcess.run(arguments + ["--kb", kb.path])
    #expect(result.status == 2, "\(arguments): \(result.stderr)")
    #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    #expect(try Self.snapshot(kb) == before)
  }
}
