import DisarmTestSupport
import Foundation
import Testing

/// `disarm lsp` driven by Neovim's built-in LSP client, headless (Tests/editors/neovim.lua): typing a misspelt
/// identifier, hover, definition, references, completion, a name mismatch fixed by its code action, and a rename
/// applied and written by the client, on copies of data/, the 2025-02-10 release and the 2026 Assessments release.
@Suite struct NeovimClientTests {
  static let neovim: URL? = ["/usr/bin/nvim", "/usr/local/bin/nvim"].map(URL.init(fileURLWithPath:)).first {
    FileManager.default.isExecutableFile(atPath: $0.path)
  }

  static let skipMessage: Comment = "Neovim is not installed (apt-get install neovim): skipped"

  @Test(.enabled(if: neovim != nil, skipMessage))
  func neovimsClientGetsEveryFeatureOnTheSample() throws {
    try Self.runNeovim(on: TestSupport.sampleData, named: "data")
  }

  @Test(
    .enabled(if: neovim != nil, skipMessage), .enabled(if: Corpus.available, Corpus.skipMessage),
    arguments: LSPClientTests.corpusTrees)
  func neovimsClientGetsEveryFeature(on tree: String) throws {
    try Self.runNeovim(on: Corpus.pages(tree), named: tree)
  }

  /// Runs Tests/editors/neovim.lua against `disarm lsp` on a writable copy of `source`, in a folder named after
  /// `tree`, and expects every check of its report to pass.
  static func runNeovim(on source: URL, named tree: String) throws {
    let scratch = TemporaryFolder.make("disarm-nvim")
    defer { try? FileManager.default.removeItem(at: scratch) }
    // The folder name carries the release's name: the script picks the 2026 framework's identifiers from it.
    let kb = scratch.appendingPathComponent("kb-\(tree)")
    try FileManager.default.copyItem(at: source, to: kb)
    // The corpus is read-only; the copy is edited and written by the client.
    let chmod = try Process.run(URL(fileURLWithPath: "/bin/chmod"), arguments: ["-R", "u+w", kb.path])
    chmod.waitUntilExit()
    let result = scratch.appendingPathComponent("result.txt")

    let run = try ExternalTool.run(
      [
        try #require(Self.neovim).path, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c",
        "luafile \(TestSupport.repositoryRoot.appendingPathComponent("Tests/editors/neovim.lua").path)",
      ], in: scratch,
      environment: [
        "DISARM_BINARY": DisarmProcess.binary.path, "DISARM_LSP_KB": kb.path, "DISARM_NVIM_RESULT": result.path,
      ])
    let report = (try? String(contentsOf: result, encoding: .utf8)) ?? ""
    #expect(run.status == 0, "\(report)\n\(run.output.suffix(2000))")
    let lines = report.split(separator: "\n")
    #expect(lines.count == 8, "every check ran: \(report)")
    #expect(lines.allSatisfy { $0.hasPrefix("ok ") }, "\(report)")
  }
}
