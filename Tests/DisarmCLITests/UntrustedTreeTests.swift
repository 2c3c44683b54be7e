import DisarmTestSupport
import Foundation
import Testing

/// The security suite (docs/SECURITY.md): a knowledge base from anyone's pull request, checked in CI, reads nothing
/// outside its tree, leaks nothing of the environment, writes nothing outside it, and costs bounded time.
@Suite struct UntrustedTreeTests {
  /// A copy of data/ with `.disarm.yml` holding `configuration`.
  static func tree(configuration: String) throws -> URL {
    let kb = try RegenerationCommandTests.copy(DisarmProcess.repository.appendingPathComponent("data"))
    try configuration.write(to: kb.appendingPathComponent(".disarm.yml"), atomically: true, encoding: .utf8)
    return kb
  }

  /// A file outside the tree whose first line is a secret.
  static func outsideSecret() throws -> (url: URL, secret: String) {
    let secret = "secret-line-\(UUID().uuidString)"
    let url = TemporaryFolder.make("disarm-outside").appendingPathComponent("shadow")
    try "\(secret): x\nsecond: y\n".write(to: url, atomically: true, encoding: .utf8)
    return (url, secret)
  }

  @Test func aFrameworkSettingNamingTheProcessEnvironmentLeaksNothing() throws {
    let secret = "hunter2-\(UUID().uuidString)"
    let kb = try Self.tree(configuration: "framework: /proc/self/environ\n")
    for command in [["lint", kb.path], ["build", kb.path, "--check"], ["show", "T0151.004", "--kb", kb.path]] {
      let result = try DisarmProcess.run(command, environment: ["DISARM_TEST_SECRET": secret])
      #expect(result.status == 2, "\(command): \(result.stderr)")
      #expect(!result.stderr.contains(secret) && !result.stdout.contains(secret), "\(command) leaked the environment")
      #expect(result.stderr.contains(".disarm.yml"), "\(command): the message names the setting's file")
      #expect(result.stderr.contains("outside the knowledge base"), "\(command): \(result.stderr)")
    }
  }

  @Test func aFrameworkSettingNamingAFileOutsideTheTreeIsNotRead() throws {
    let (outside, secret) = try Self.outsideSecret()
    for value in [outside.path, "../" + outside.lastPathComponent, "../../" + outside.path.dropFirst()] {
      let kb = try Self.tree(configuration: "framework: '\(value)'\n")
      try? FileManager.default.copyItem(
        at: outside, to: kb.deletingLastPathComponent().appendingPathComponent("shadow"))
      let result = try DisarmProcess.run(["lint", kb.path])
      #expect(result.status == 2, "\(value): \(result.stderr)")
      #expect(!result.stderr.contains(secret) && !result.stdout.contains(secret), "\(value): \(result.stderr)")
      #expect(result.stderr.contains("'framework: "), "\(value): the message names the setting: \(result.stderr)")
    }
  }

  @Test func aConfigurationThatIsALinkToAFileOutsideIsRefused() throws {
    let (outside, secret) = try Self.outsideSecret()
    let kb = try RegenerationCommandTests.copy(DisarmProcess.repository.appendingPathComponent("data"))
    try FileManager.default.createSymbolicLink(
      at: kb.appendingPathComponent(".disarm.yml"), withDestinationURL: outside)
    for command in [["lint", kb.path], ["build", kb.path, "--check"]] {
      let result = try DisarmProcess.run(command)
      #expect(result.status == 2, "\(command): \(result.stderr)")
      #expect(!result.stderr.contains(secret) && !result.stdout.contains(secret), "\(command): \(result.stderr)")
      #expect(result.stderr.contains(".disarm.yml"), "\(command): \(result.stderr)")
    }
  }

  /// Nested aliases (a "billion laughs", 8 levels in about 400 bytes) took 45 s and 1.9 GiB before this bound.
  @Test func nestedYAMLAliasesCostBoundedTime() throws {
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      let previous = "*a\(level - 1)"
      yaml += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
    }
    yaml += "rules: *a9\n"
    let kb = try Self.tree(configuration: yaml)
    let run = try DisarmProcess.run(["lint", kb.path], timeout: 20)
    #expect(run.ending == .exited(2), "\(run.ending): \(run.stderrSummary)")
    #expect(run.seconds < 5, "took \(run.seconds) s")
    #expect(run.stderr.contains("aliases are expanded"), "\(run.stderrSummary)")
  }

  @Test func nestedAliasesInAFrameworkDescriptionOrRegisterCostBoundedTime() throws {
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      yaml += "a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", "))]\n"
    }
    let kb = try Self.tree(configuration: "framework: mine.yml\n")
    try (yaml + "kinds: *a9\n").write(to: kb.appendingPathComponent("mine.yml"), atomically: true, encoding: .utf8)
    let described = try DisarmProcess.run(["lint", kb.path], timeout: 20)
    #expect(described.ending == .exited(2), "\(described.ending): \(described.stderrSummary)")
    #expect(described.seconds < 5, "took \(described.seconds) s")

    let plain = try RegenerationCommandTests.copy(DisarmProcess.repository.appendingPathComponent("data"))
    let register = "- &e {id: T0099, name: x}\n" + yaml.replacingOccurrences(of: "a0: &a0", with: "- a0: &a0")
    try register.write(to: plain.appendingPathComponent("retired.yml"), atomically: true, encoding: .utf8)
    let registered = try DisarmProcess.run(["lint", plain.path], timeout: 20)
    #expect(registered.seconds < 5, "took \(registered.seconds) s")
    #expect(registered.ending != .timedOut)
  }

  @Test func messagesQuoteOnlyShortEscapedExcerpts() throws {
    let key = "\u{1B}]0;pwned\u{07}" + String(repeating: "k", count: 500)
    let kb = try Self.tree(
      configuration:
        "\"\(key.replacingOccurrences(of: "\u{1B}", with: "\\e").replacingOccurrences(of: "\u{07}", with: "\\a"))\": 1\n"
    )
    let result = try DisarmProcess.run(["lint", kb.path])
    #expect(result.status == 2, "\(result.stderr)")
    #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{07}"), "raw control characters")
    #expect(!result.stderr.contains(String(repeating: "k", count: 100)), "the excerpt is cut short")
    #expect(result.stderr.contains("unknown key"), "\(result.stderr)")
  }

  /// An outside file whose every line is a secret (any excerpt of it would show).
  static func outsidePage() throws -> (url: URL, secret: String) {
    let secret = "secret-\(UUID().uuidString)"
    let url = TemporaryFolder.make("disarm-outside").appendingPathComponent("T0999.md")
    try "# Technique T0999: \(secret)\n\n**Summary**: \(secret)\n| \(secret) |\n".write(
      to: url, atomically: true, encoding: .utf8)
    return (url, secret)
  }

  @Test func aPageLinkedOutsideIsReportedAndNeverRead() throws {
    let (outside, secret) = try Self.outsidePage()
    let kb = try RegenerationCommandTests.copy(DisarmProcess.repository.appendingPathComponent("data"))
    try FileManager.default.createSymbolicLink(
      at: kb.appendingPathComponent("techniques/T0999.md"), withDestinationURL: outside)
    let lint = try DisarmProcess.run(["lint", kb.path, "--color", "never"])
    #expect(lint.status == 1, "\(lint.stderr)")
    #expect(
      lint.stdout.contains(
        "techniques/T0999.md: error: a link leading outside the knowledge base; not read [outside-tree]"),
      "\(lint.stdout)")
    #expect(!lint.stdout.contains(secret) && !lint.stderr.contains(secret))
    let output = kb.deletingLastPathComponent().appendingPathComponent("out")
    let build = try DisarmProcess.run(["build", kb.path, "--output", output.path])
    #expect(build.status == 1, "\(build.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("pages/techniques/T0999.md").path))
    for (name, data) in try CheckBeforeWritingTests.snapshot(output) {
      #expect(!String(decoding: data, as: UTF8.self).contains(secret), "\(name) holds the outside file's text")
    }
    for command in [["show", "T0999", "--kb", kb.path], ["search", "T0999", "--kb", kb.path]] {
      let result = try DisarmProcess.run(command)
      #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret), "\(command)")
    }
  }

  @Test func aKindFolderOrRegisterLinkedOutsideIsReportedAndNeverRead() throws {
    let (outside, secret) = try Self.outsidePage()
    let kb = try RegenerationCommandTests.copy(DisarmProcess.repository.appendingPathComponent("data"))
    try FileManager.default.moveItem(
      at: kb.appendingPathComponent("counters"),
      to: outside.deletingLastPathComponent().appendingPathComponent("counters"))
    try FileManager.default.copyItem(
      at: outside, to: outside.deletingLastPathComponent().appendingPathComponent("counters/C99999.md"))
    try FileManager.default.createSymbolicLink(
      at: kb.appendingPathComponent("counters"),
      withDestinationURL: outside.deletingLastPathComponent().appendingPathComponent("counters"))
    try FileManager.default.createSymbolicLink(
      at: kb.appendingPathComponent("retired.yml"), withDestinationURL: outside)
    let lint = try DisarmProcess.run(["lint", kb.path, "--color", "never"])
    #expect(lint.status == 1, "\(lint.stderr)")
    #expect(lint.stdout.contains("counters: error: a link leading outside"), "\(lint.stdout)")
    #expect(lint.stdout.contains("retired.yml: error: a link leading outside"), "\(lint.stdout)")
    #expect(!lint.stdout.contains(secret) && !lint.stderr.contains(secret))
  }

  @Test func aPageFolderLinkedOutsideIsRefused() throws {
    let (outside, secret) = try Self.outsidePage()
    let repository = TemporaryFolder.make("disarm-repository")
    try FileManager.default.createSymbolicLink(
      at: repository.appendingPathComponent("generated_pages"), withDestinationURL: outside.deletingLastPathComponent())
    let result = try DisarmProcess.run(["build", repository.path, "--check"])
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains("generated_pages is a link to something outside"), "\(result.stderr)")
    #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))
  }
}
