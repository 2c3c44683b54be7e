import DisarmTestSupport
import Foundation
import Testing

/// The register of retired identifiers (`retired.yml`) end to end: `show`, the STIX export as ATT&CK tools read it,
/// `lint --against` and `--since`, and a malformed register.
@Suite struct RegisterCommandTests {
  static let register = """
    # Identifiers retired from this knowledge base.
    - id: T0099
      name: Old Platform
      retired: v1.6
      reason: Folded into the platform sub-techniques.
      replaced-by: T0151.008
    - id: T0098
      name: Forgotten Step
      retired: "2024-11-22"
    - id: C00999
      name: Old counter
      retired: v1.6

    """

  /// A copy of data/ with `register` as its retired.yml.
  static func knowledgeBase(register: String = Self.register) throws -> (root: URL, kb: URL) {
    let root = TemporaryFolder.make("disarm-register")
    let kb = root.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: kb)
    try Data(register.utf8).write(to: kb.appendingPathComponent("retired.yml"))
    return (root, kb)
  }

  @Test func showSaysAnIdentifierIsRetiredAndWhereItWent() throws {
    let (root, kb) = try Self.knowledgeBase()
    defer { try? FileManager.default.removeItem(at: root) }
    let shown = try DisarmProcess.run(["show", "t0099", "--kb", kb.path])
    #expect(shown.status == 0, "\(shown.stderr)")
    #expect(
      shown.stdout == """
        T0099 Old Platform is a retired technique (retired in v1.6)
        Reason: Folded into the platform sub-techniques.
        Replaced by T0151.008 Microblogging Platform (disarm show T0151.008)

        """)
    let markdown = try DisarmProcess.run(["show", "T0099", "--kb", kb.path, "--format", "markdown"])
    #expect(
      markdown.stdout == """
        T0099 Old Platform is a retired technique (retired in v1.6)

        Reason: Folded into the platform sub-techniques.

        Replaced by T0151.008 Microblogging Platform (disarm show T0151.008)

        """)
    let json = try DisarmProcess.run(["show", "T0098", "--kb", kb.path, "--format", "json"])
    #expect(json.stdout.contains("\"replacedBy\": null") && json.stdout.contains("\"when\": \"2024-11-22\""))
    #expect(json.stdout.contains("\"kind\": \"technique\"") && json.stdout.contains("\"name\": \"Forgotten Step\""))
    let lint = try DisarmProcess.run(["lint", kb.path])
    #expect(lint.status == 0, "a consistent register is clean: \(lint.stdout)")
  }

  /// Retired techniques and counters are in the bundle as ATT&CK marks them: valid under the OASIS validator, and
  /// exactly what MitreAttackData's `remove_revoked_deprecated=True` leaves out.
  @Test(.enabled(if: ExportSTIXCommandTests.pythonToolsAvailable, ExportSTIXCommandTests.pythonSkip))
  func retiredObjectsAreRevokedOrDeprecatedInSTIX() throws {
    let (root, kb) = try Self.knowledgeBase()
    defer { try? FileManager.default.removeItem(at: root) }
    let bundle = root.appendingPathComponent("bundle.json")
    #expect(try DisarmProcess.run(["export", "stix", kb.path, "-o", bundle.path]).status == 0)
    let text = try String(contentsOf: bundle, encoding: .utf8)
    #expect(text.contains("\"relationship_type\": \"revoked-by\""))
    #expect(text.contains("\"x_mitre_deprecated\": true"))
    let valid = try ExternalTool.run(["python3", ExportSTIXCommandTests.checker, "stix", bundle.path])
    #expect(valid.status == 0, "\(valid.output)")
    let retired = try ExternalTool.run(["python3", ExportSTIXCommandTests.checker, "retired", bundle.path])
    #expect(retired.status == 0, "\(retired.output)")
    #expect(retired.output.contains("retired techniques: T0098 T0099\n"), "\(retired.output)")
    #expect(retired.output.contains("retired mitigations: C00999\n"), "\(retired.output)")
    // Without a register the bundle has neither.
    let plain = try DisarmProcess.run(["export", "stix", "data"])
    #expect(!plain.stdout.contains("revoked") && !plain.stdout.contains("x_mitre_deprecated"))
  }

  /// Removes T0132 from `kb`: its index row (the index owns which objects a knowledge base has) and its page.
  static func removeT0132(from kb: URL) throws {
    try FileManager.default.removeItem(at: kb.appendingPathComponent("techniques/T0132.md"))
    let index = kb.appendingPathComponent("techniques_index.md")
    let text = try String(contentsOf: index, encoding: .utf8)
    try Data(IndexRows.removing("T0132", folder: "techniques", from: text).utf8).write(to: index)
  }

  /// `lint --against OLD`: an object of OLD gone without a register entry is an error; with the entry, the rule is
  /// satisfied.
  @Test func removalsWithoutAnEntryAreErrorsAgainstABaseVersion() throws {
    let (root, kb) = try Self.knowledgeBase(register: "")
    defer { try? FileManager.default.removeItem(at: root) }
    let old = root.appendingPathComponent("old")
    try FileManager.default.copyItem(at: kb, to: old)
    try Self.removeT0132(from: kb)
    let without = try DisarmProcess.run(["lint", kb.path, "--against", old.path])
    #expect(without.status == 1)
    #expect(
      without.stdout.contains(
        "techniques/T0132.md: error: T0132 'Measure Performance' was in the base version and is gone"),
      "\(without.stdout)")
    #expect(without.stdout.contains("[removed-without-retirement]"))
    let alone = try DisarmProcess.run(["lint", kb.path])
    #expect(!alone.stdout.contains("removed-without-retirement"), "without a base version the rule is silent")
    try Data("- id: T0132\n  name: Measure Performance\n  retired: v2\n".utf8).write(
      to: kb.appendingPathComponent("retired.yml"))
    let with = try DisarmProcess.run(["lint", kb.path, "--against", old.path])
    #expect(!with.stdout.contains("removed-without-retirement"), "\(with.stdout)")
    let missing = try DisarmProcess.run(["lint", kb.path, "--against", root.appendingPathComponent("nothing").path])
    #expect(missing.status == 2)
  }

  /// `lint --since REV` reads the base version from git.
  @Test func sinceReadsTheBaseVersionFromGit() throws {
    let (root, kb) = try Self.knowledgeBase(register: "")
    defer { try? FileManager.default.removeItem(at: root) }
    for arguments in [["init", "-q"], ["config", "user.email", "t@example.org"], ["config", "user.name", "T"]] {
      #expect(try ExternalTool.run(["git", "-C", root.path] + arguments).status == 0)
    }
    #expect(try ExternalTool.run(["git", "-C", root.path, "add", "-A"]).status == 0)
    #expect(try ExternalTool.run(["git", "-C", root.path, "commit", "-q", "-m", "v1"]).status == 0)
    try Self.removeT0132(from: kb)
    let result = try DisarmProcess.run(["lint", kb.path, "--since", "HEAD"])
    #expect(result.stdout.contains("[removed-without-retirement]"), "\(result.stdout)\(result.stderr)")
    let unknown = try DisarmProcess.run(["lint", kb.path, "--since", "no-such-tag"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("unknown revision 'no-such-tag'"), "\(unknown.stderr)")
  }

  /// A malformed register stops every command with its line and column, exit 2.
  @Test(arguments: [
    ("- id: T0099\n  name: [a, b]\n", "retired.yml:2:9: 'name' must be text"),
    ("- id: X12\n", "retired.yml:1:7: 'id' must be an identifier of this knowledge base"),
    ("- name: Nothing\n", "retired.yml:1:3: an entry without 'id'"),
    ("- id: T0099\n  replaced: T0001\n", "retired.yml:2:3: unknown key 'replaced' in an entry"),
    ("- id: T0099\n- id: T0099\n", "retired.yml:2:7: T0099 is listed twice"),
    ("- id: T0099\n  name: 'open\n", "retired.yml:3:1: not valid YAML"),
  ])
  func aMalformedRegisterExitsTwoWithItsLine(register: String, message: String) throws {
    let (root, kb) = try Self.knowledgeBase(register: register)
    defer { try? FileManager.default.removeItem(at: root) }
    for command in [["lint", kb.path], ["build", kb.path, "--check"], ["show", "T0001", "--kb", kb.path]] {
      let result = try DisarmProcess.run(command)
      #expect(result.status == 2, "\(command)")
      #expect(result.stderr.contains(message), "\(command): \(result.stderr)")
    }
  }
}
