import DisarmDiagnostics
import DisarmTestSupport
import Foundation
import Testing

@testable import DisarmLanguageServer

/// A workspace with several knowledge bases (a repository keeping frameworks side by side, or several workspace
/// folders): each document is served by the knowledge base that holds it, in that framework's words.
@Suite(.enabled(if: Corpus.available, Corpus.skipMessage))
struct MultipleKnowledgeBasesTests {
  /// A folder holding data/ as `frameworks/sample/` and the 2026 release as `frameworks/assessments/generated_pages/`.
  static func repository() throws -> URL {
    let root = TemporaryFolder.make("disarm-multi")
    let frameworks = root.appendingPathComponent("frameworks")
    try FileManager.default.createDirectory(
      at: frameworks.appendingPathComponent("assessments"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: frameworks.appendingPathComponent("sample"))
    try FileManager.default.copyItem(
      at: Corpus.pages("disarm-2026-07-19"),
      to: frameworks.appendingPathComponent("assessments/generated_pages"))
    return root.standardizedFileURL
  }

  static func json(_ object: Any) -> String {
    String(data: try! JSONSerialization.data(withJSONObject: object), encoding: .utf8)!
  }

  static func hover(_ server: LanguageServer, _ uri: String, line: Int, character: Int) -> (String?, Int?) {
    let request = json([
      "jsonrpc": "2.0", "id": 5, "method": "textDocument/hover",
      "params": ["textDocument": ["uri": uri], "position": ["line": line, "character": character]],
    ])
    let answer = server.handle(Array(request.utf8)).last
    return (answer?.result?["contents"]?["value"]?.stringValue, answer?.error?.code.rawValue)
  }

  @Test func eachDocumentIsServedByItsOwnKnowledgeBase() throws {
    let root = try Self.repository()
    defer { try? FileManager.default.removeItem(at: root) }
    let server = LanguageServer()
    let initialize = Self.json([
      "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["rootUri": root.absoluteString],
    ])
    let answer = server.handle(Array(initialize.utf8))
    #expect(answer.last?.result != nil, "\(answer)")
    #expect(
      server.workspaces.map { $0.folder.path.replacingOccurrences(of: root.path + "/", with: "") } == [
        "frameworks/assessments/generated_pages", "frameworks/sample",
      ])

    let sample = root.appendingPathComponent("frameworks/sample/techniques/T0151.008.md").absoluteString
    let assessment = root.appendingPathComponent(
      "frameworks/assessments/generated_pages/techniques/A0001.003.md"
    ).absoluteString
    // Each heading's identifier, hovered, in its own framework's words.
    #expect(Self.hover(server, sample, line: 0, character: 14).0?.contains("Technique T0151.008") == true)
    #expect(Self.hover(server, assessment, line: 0, character: 15).0?.contains("Assessment A0001.003") == true)
    // Outside every knowledge base, and not a report (not Markdown): the protocol's error.
    #expect(
      Self.hover(server, root.appendingPathComponent("notes.txt").absoluteString, line: 0, character: 0).1 == -32803)

    // Opening a page of each publishes under its own URI.
    for uri in [sample, assessment] {
      let text = try String(contentsOf: URL(string: uri)!, encoding: .utf8)
      let open = Self.json([
        "jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": text]],
      ])
      let published = server.handle(Array(open.utf8)).filter { $0.method == "textDocument/publishDiagnostics" }
      #expect(published.compactMap { $0.params?["uri"]?.stringValue } == [uri])
    }

    // Workspace symbols come from both.
    for (query, expected) in [("A0001.003", assessment), ("T0151.008", sample)] {
      let symbols = server.handle(
        Array(
          Self.json(["jsonrpc": "2.0", "id": 9, "method": "workspace/symbol", "params": ["query": query]]).utf8))
      let uris = (symbols.last?.result?.arrayValue ?? []).compactMap { $0["location"]?["uri"]?.stringValue }
      #expect(uris.first == expected, "\(query): \(uris.prefix(3))")
    }
  }

  @Test func severalWorkspaceFoldersAreServedTogether() throws {
    let root = try Self.repository()
    defer { try? FileManager.default.removeItem(at: root) }
    let server = LanguageServer()
    let folders = ["frameworks/sample", "frameworks/assessments"].map {
      ["uri": root.appendingPathComponent($0).absoluteString, "name": $0]
    }
    let initialize = Self.json([
      "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["workspaceFolders": folders],
    ])
    #expect(server.handle(Array(initialize.utf8)).last?.result != nil)
    #expect(server.workspaces.count == 2)
    #expect(server.workspaces.map(\.kb.framework.name) == ["disarm-1", "disarm-2026-assessments"])
  }
}
