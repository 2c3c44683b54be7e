import DisarmTestSupport
import Foundation
import Testing

/// `disarm lsp` driven by a real LSP client: the pytest-lsp suite in Tests/lsp, on a copy of data/, of the
/// 2025-02-10 release and of the 2026 Assessments release (in that framework's words), with a report beside each.
@Suite struct LSPClientTests {
  static let available: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import pytest_lsp, pytest_asyncio"]
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }()

  static let skipMessage: Comment = "pytest-lsp is not installed (pip install pytest-lsp): skipped"
  /// The corpus releases the clients are run on besides `data/`.
  static let corpusTrees: [String] = ["disarm-2025-02-10", "disarm-2026-07-19"]

  @Test(.enabled(if: available, skipMessage))
  func theClientSuitePassesOnTheSample() throws {
    try Self.runClientSuite(on: TestSupport.sampleData)
  }

  @Test(
    .enabled(if: available, skipMessage), .enabled(if: Corpus.available, Corpus.skipMessage), arguments: corpusTrees)
  func theClientSuitePasses(on tree: String) throws {
    try Self.runClientSuite(on: Corpus.pages(tree))
  }

  /// Runs the pytest-lsp suite in Tests/lsp against `disarm lsp` on the knowledge base `kb`.
  static func runClientSuite(on kb: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "Tests/lsp"]
    process.currentDirectoryURL = TestSupport.repositoryRoot
    var environment = ProcessInfo.processInfo.environment
    environment["DISARM_BINARY"] = DisarmProcess.binary.path
    environment["DISARM_LSP_KB"] = kb.path
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(output.suffix(3000))")
    #expect(output.contains("10 passed"), "\(output.suffix(500))")
  }
}
