import DisarmTestSupport
import Foundation
import Testing

/// The `disarm-lint` pre-commit hook (`.pre-commit-hooks.yaml`), run by the real `pre-commit` in a temporary git
/// repository holding a copy of `data/`. `pre-commit` is installed by `scripts/install-deps.sh`; the test fails,
/// rather than passing silently, when it is missing (it is skipped only when python3 itself is).
@Suite(.enabled(if: ExternalTool.python3Available, "python3 is missing: pre-commit hook test skipped"))
struct PreCommitTests {
  /// The hook definition a DISARM repository uses.
  static let manifest = DisarmProcess.repository.appendingPathComponent(".pre-commit-hooks.yaml")

  /// Git and pre-commit with a private cache and no interference from a surrounding repository or hook.
  struct Repository {
    let root: URL
    let home: URL

    var environment: [String: String] {
      [
        "PRE_COMMIT_HOME": home.path, "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0",
        "HOME": home.appendingPathComponent("home").path,
      ]
    }
    static let removed = ["GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GIT_OBJECT_DIRECTORY", "PRE_COMMIT", "SKIP"]

    func run(_ arguments: [String]) throws -> ExternalTool.Result {
      try ExternalTool.run(arguments, in: root, environment: environment, removing: Self.removed)
    }

    @discardableResult
    func git(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> ExternalTool.Result {
      let result = try run(["git"] + arguments)
      try #require(
        result.status == 0, "git \(arguments.joined(separator: " ")): \(result.output)", sourceLocation: sourceLocation)
      return result
    }

    func commit(_ message: String) throws -> ExternalTool.Result { try run(["git", "commit", "-q", "-m", message]) }
  }

  static func requirePreCommit() throws {
    let check = try ExternalTool.run(["python3", "-c", "import pre_commit"])
    try #require(
      check.status == 0, "the Python package pre-commit is not installed: run scripts/install-deps.sh (\(check.output))"
    )
  }

  @Test func manifestDeclaresTheHook() throws {
    try Self.requirePreCommit()
    let validate = try ExternalTool.run(["python3", "-m", "pre_commit", "validate-manifest", Self.manifest.path])
    #expect(validate.status == 0, "\(validate.output)")
    let script = """
      import json, sys, yaml
      print(json.dumps(yaml.safe_load(open(sys.argv[1])), sort_keys=True))
      """
    let parsed = try ExternalTool.run(["python3", "-c", script, Self.manifest.path])
    #expect(parsed.status == 0, "\(parsed.output)")
    let hooks = try #require(try JSONSerialization.jsonObject(with: Data(parsed.output.utf8)) as? [[String: Any]])
    let hook = try #require(hooks.first { $0["id"] as? String == "disarm-lint" })
    #expect(hook["entry"] as? String == "disarm lint")
    #expect(hook["language"] as? String == "system")
    #expect(hook["files"] as? String == "\\.md$")
    #expect(hook["pass_filenames"] as? Bool == true)
  }

  @Test func commitThatBreaksAReferenceIsRejectedAndAHarmlessOneAccepted() throws {
    try Self.requirePreCommit()
    let temporary = TemporaryFolder.make("disarm-cli")
    let repository = Repository(
      root: temporary.appendingPathComponent("repo"), home: temporary.appendingPathComponent("cache"))
    try FileManager.default.createDirectory(
      at: repository.home.appendingPathComponent("home"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: repository.root, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: DisarmProcess.repository.appendingPathComponent("data"), to: repository.root.appendingPathComponent("data"))
    try Data("# A DISARM knowledge base\n".utf8).write(to: repository.root.appendingPathComponent("README.md"))

    // The same hook as .pre-commit-hooks.yaml, as `repo: local`, with the built binary as its entry.
    let binary = DisarmProcess.binary.path
    try #require(!binary.contains { "'\"\\".contains($0) }, "binary path with a quote: \(binary)")
    let config = """
      repos:
        - repo: local
          hooks:
            - id: disarm-lint
              name: disarm lint
              entry: "'\(binary)' lint"
              language: system
              files: \\.md$
              pass_filenames: true

      """
    try Data(config.utf8).write(to: repository.root.appendingPathComponent(".pre-commit-config.yaml"))
    let validate = try repository.run(["python3", "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"])
    #expect(validate.status == 0, "\(validate.output)")

    try repository.git("init", "-q")
    try repository.git("config", "user.name", "disarm tests")
    try repository.git("config", "user.email", "tests@example.org")
    try repository.git("config", "commit.gpgsign", "false")
    let install = try repository.run(["python3", "-m", "pre_commit", "install"])
    try #require(install.status == 0, "pre-commit install: \(install.output)")

    // The whole sample knowledge base passes the hook.
    try repository.git("add", "-A")
    let initial = try repository.commit("sample knowledge base")
    #expect(initial.status == 0, "\(initial.output)")
    #expect(initial.output.contains("disarm lint"), "the hook ran: \(initial.output)")

    // A technique whose tactic field names a tactic that does not exist: rejected, with the finding shown.
    let technique = repository.root.appendingPathComponent("data/techniques/T0151.004.md")
    let original = try String(contentsOf: technique, encoding: .utf8)
    let broken = original.replacingOccurrences(
      of: "**Tactic**: TA07 Select Channels and Affordances", with: "**Tactic**: TA99 No Such Tactic")
    try #require(broken != original)
    try Data(broken.utf8).write(to: technique)
    try repository.git("add", "data/techniques/T0151.004.md")
    let rejected = try repository.commit("point a technique at a missing tactic")
    #expect(rejected.status != 0, "the commit must fail: \(rejected.output)")
    #expect(rejected.output.contains("Failed"), "\(rejected.output)")
    #expect(
      rejected.output.contains(
        "data/techniques/T0151.004.md:5:13: error: T0151.004 names tactic TA99, which does not exist [unresolved-link]"),
      "\(rejected.output)")
    let log = try repository.git("rev-list", "--count", "HEAD")
    #expect(log.output.trimmingCharacters(in: .whitespacesAndNewlines) == "1", "nothing was committed")

    // A harmless change (a note below the marker, and the README alongside): accepted.
    try Data((original + "\nAnalyst note: seen again in 2025.\n").utf8).write(to: technique)
    try Data("# A DISARM knowledge base\n\nNow with notes.\n".utf8).write(
      to: repository.root.appendingPathComponent("README.md"))
    try repository.git("add", "-A")
    let accepted = try repository.commit("add a note")
    #expect(accepted.status == 0, "\(accepted.output)")
    #expect(accepted.output.contains("Passed"), "\(accepted.output)")
    let count = try repository.git("rev-list", "--count", "HEAD")
    #expect(count.output.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
  }
}
