import DisarmTestSupport
import Foundation
import Testing

/// `disarm export stix --dates git`: each object's created and modified from its page's first and last commit (in
/// UTC), a technique's `x_mitre_version` from its number of changes; outside git, a clear error.
@Suite struct STIXGitDatesTests {
  @Test func datesAndVersionsComeFromEachPagesHistory() throws {
    let root = TemporaryFolder.make("disarm-git-dates")
    defer { try? FileManager.default.removeItem(at: root) }
    let kb = root.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: kb)
    func git(_ arguments: [String], date: String? = nil) throws {
      let result = try ExternalTool.run(
        ["git", "-C", root.path] + arguments, environment: date.map { ["GIT_COMMITTER_DATE": $0] } ?? [:])
      #expect(result.status == 0, "git \(arguments): \(result.output)")
    }
    try git(["init", "-q"])
    try git(["config", "user.email", "t@example.org"])
    try git(["config", "user.name", "T"])
    try git(["add", "-A"])
    try git(["commit", "-q", "-m", "one"], date: "2024-01-02T03:04:05Z")
    let page = kb.appendingPathComponent("techniques/T0151.008.md")
    let text = try String(contentsOf: page, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "**Summary**: ", with: "**Summary**: Changed. ").utf8).write(to: page)
    try git(["commit", "-q", "-a", "-m", "two"], date: "2024-06-07T08:09:10+02:00")

    let result = try DisarmProcess.run(["export", "stix", kb.path, "--dates", "git"])
    #expect(result.status == 0, "\(result.stderr)")
    let bundle = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let patterns = (bundle["objects"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "attack-pattern" }
    func pattern(_ id: String) -> [String: Any]? {
      patterns.first {
        (($0["external_references"] as? [[String: Any]])?.first?["external_id"] as? String) == id
      }
    }
    let changed = try #require(pattern("T0151.008"))
    #expect(changed["created"] as? String == "2024-01-02T03:04:05.000Z")
    #expect(changed["modified"] as? String == "2024-06-07T06:09:10.000Z")
    #expect(changed["x_mitre_version"] as? String == "1.1")
    let unchanged = try #require(pattern("T0073"))
    #expect(unchanged["modified"] as? String == "2024-01-02T03:04:05.000Z")
    #expect(unchanged["x_mitre_version"] as? String == "1.0")
    // Without --dates git, the dates are the fixed default as before.
    let fixed = try DisarmProcess.run(["export", "stix", kb.path])
    #expect(!fixed.stdout.contains("2024-06-07"))
  }

  @Test func outsideGitIsAClearError() throws {
    let root = TemporaryFolder.make("disarm-git-dates")
    defer { try? FileManager.default.removeItem(at: root) }
    let kb = root.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: kb)
    let result = try DisarmProcess.run(["export", "stix", kb.path, "--dates", "git"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("not in a git repository"), "\(result.stderr)")
  }
}
