import DisarmTestSupport
import Foundation
import Testing

/// `disarm diff` end to end: folders and git revisions, every format, the consumers' validators, bad input.
@Suite struct DiffCommandTests {
  static let corpusSkip: Comment = "../shared/corpus is absent: diff corpus tests skipped"
  static let old = Corpus.release("disarm-2024-11-22").path
  static let new = Corpus.release("disarm-2025-02-10").path

  /// Runs git in `folder`, expecting success.
  @discardableResult
  static func git(_ arguments: [String], in folder: URL) throws -> String {
    let result = try ExternalTool.run(["git", "-C", folder.path] + arguments)
    #expect(result.status == 0, "git \(arguments): \(result.output)")
    return result.output
  }

  /// `old` with its `"label"` members removed, to compare two diffs of the same content named differently.
  static func withoutLabels(_ json: String) -> String {
    json.split(separator: "\n").filter { !$0.contains("\"label\":") }.joined(separator: "\n")
  }

  /// A repository with two commits (the 2024-11 tree, then the 2025-02 tree in the same folder): `diff HEAD~1 HEAD`
  /// reports what the tree-to-tree diff reports, and the work tree is left exactly as it was.
  @Test(.enabled(if: Corpus.available, corpusSkip))
  func revisionsOfARepositoryCompareLikeTheirTrees() throws {
    let repository = TemporaryFolder.make("disarm-diff-git")
    defer { try? FileManager.default.removeItem(at: repository) }
    let kb = repository.appendingPathComponent("kb")
    try Self.git(["init", "-q"], in: repository)
    try Self.git(["config", "user.email", "test@example.org"], in: repository)
    try Self.git(["config", "user.name", "Test"], in: repository)
    try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.old), to: kb)
    try Self.git(["add", "-A"], in: repository)
    try Self.git(["commit", "-q", "-m", "2024-11-22"], in: repository)
    try FileManager.default.removeItem(at: kb)
    try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.new), to: kb)
    try Self.git(["add", "-A"], in: repository)
    try Self.git(["commit", "-q", "-m", "2025-02-10"], in: repository)
    // An uncommitted edit must survive the comparison untouched.
    let edited = kb.appendingPathComponent("generated_pages/techniques/T0002.md")
    try Data((try String(contentsOf: edited, encoding: .utf8) + "\nA note.\n").utf8).write(to: edited)
    let statusBefore = try Self.git(["status", "--porcelain"], in: repository)
    let modified = try FileManager.default.attributesOfItem(atPath: edited.path)[.modificationDate] as? Date

    let byRevision = try DisarmProcess.run(["diff", "HEAD~1", "HEAD", "--kb", kb.path, "--format", "json"])
    #expect(byRevision.status == 0, "\(byRevision.stderr)")
    let byTree = try DisarmProcess.run(["diff", Self.old, Self.new, "--format", "json"])
    #expect(byTree.status == 0, "\(byTree.stderr)")
    #expect(Self.withoutLabels(byRevision.stdout) == Self.withoutLabels(byTree.stdout))
    #expect(byRevision.stdout.contains("\"label\": \"HEAD~1\""))

    // One revision against the work tree: the uncommitted note is not a content change, the rest is as above.
    let againstWorkTree = try DisarmProcess.run(["diff", "HEAD~1", "--kb", kb.path, "--format", "json"])
    #expect(againstWorkTree.status == 0, "\(againstWorkTree.stderr)")
    #expect(Self.withoutLabels(againstWorkTree.stdout) == Self.withoutLabels(byTree.stdout))

    #expect(try Self.git(["status", "--porcelain"], in: repository) == statusBefore)
    #expect(try FileManager.default.attributesOfItem(atPath: edited.path)[.modificationDate] as? Date == modified)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
      .filter { $0.hasPrefix("disarm-revision-") }
    #expect(leftovers.isEmpty, "temporary checkouts left behind: \(leftovers)")
  }

  /// The JSON validates against `schema/diff.schema.json`; the Navigator layer loads with mitreattack-python.
  @Test(.enabled(if: Corpus.available && ExportSTIXCommandTests.pythonToolsAvailable, corpusSkip))
  func jsonValidatesAndTheLayerLoads() throws {
    let folder = TemporaryFolder.make("disarm-diff")
    defer { try? FileManager.default.removeItem(at: folder) }
    let json = folder.appendingPathComponent("diff.json")
    let layer = folder.appendingPathComponent("layer.json")
    let old = Corpus.release("disarm-2024-03-13").path
    let new = Corpus.release("disarm-2024-11-22").path
    #expect(try DisarmProcess.run(["diff", old, new, "--format", "json", "-o", json.path]).status == 0)
    #expect(try DisarmProcess.run(["diff", old, new, "--format", "navigator", "-o", layer.path]).status == 0)
    let schema = DisarmProcess.repository.appendingPathComponent("schema/diff.schema.json").path
    let validator = DisarmProcess.repository.appendingPathComponent("scripts/validate-json.py").path
    let validated = try ExternalTool.run(["python3", validator, schema, json.path])
    #expect(validated.status == 0 && validated.output.contains(": valid"), "\(validated.output)")
    let loaded = try ExternalTool.run(["python3", ExportSTIXCommandTests.checker, "layer", layer.path])
    #expect(loaded.status == 0, "\(loaded.output)")
    // 133 added, 42 removed and the changed techniques, each coloured.
    #expect(loaded.output.contains("loaded, 2"), "\(loaded.output)")
  }

  @Test func textAndMarkdownOfTheSampleAgainstAnEditedCopy() throws {
    let folder = TemporaryFolder.make("disarm-diff")
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: copy)
    let page = copy.appendingPathComponent("techniques/T0151.008.md")
    let text = try String(contentsOf: page, encoding: .utf8)
    let heading = try #require(text.split(separator: "\n").first)
    try Data(text.replacingOccurrences(of: String(heading), with: "# Technique T0151.008: Microblogs").utf8)
      .write(to: page)
    let same = try DisarmProcess.run(["diff", "data", "data", "--exit-code"])
    #expect(same.status == 0 && same.stdout.hasSuffix("no changes\n"), "\(same.stdout)")
    let result = try DisarmProcess.run(["diff", "data", copy.path, "--exit-code", "--color", "never"])
    #expect(result.status == 1, "--exit-code: 1 when the versions differ")
    #expect(result.stdout.contains("techniques: 1 renamed"), "\(result.stdout)")
    #expect(result.stdout.contains("~ T0151.008 renamed: 'Microblogging Platform' → 'Microblogs'"))
    let markdown = try DisarmProcess.run(["diff", "data", copy.path, "--format", "markdown"])
    #expect(markdown.stdout.contains("### Renamed (1)\n\n- **T0151.008** ~~Microblogging Platform~~ → Microblogs\n"))
  }

  @Test func badInputExitsTwoWithAClearMessage() throws {
    let missing = try DisarmProcess.run(["diff", "no-such-tree", "data", "--kb", "data"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("'no-such-tree' is not a folder"), "\(missing.stderr)")
    // data/ is inside this repository's git work tree only in a checkout; a copy outside git is not.
    let outside = TemporaryFolder.make("disarm-diff")
    defer { try? FileManager.default.removeItem(at: outside) }
    let copy = outside.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: copy)
    let notGit = try DisarmProcess.run(["diff", "HEAD~1", "--kb", copy.path])
    #expect(notGit.status == 2)
    #expect(notGit.stderr.contains("not in a git repository"), "\(notGit.stderr)")
    try Self.git(["init", "-q"], in: outside)
    let unknown = try DisarmProcess.run(["diff", "v999.0", "--kb", copy.path])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("unknown revision 'v999.0'"), "\(unknown.stderr)")
  }
}
