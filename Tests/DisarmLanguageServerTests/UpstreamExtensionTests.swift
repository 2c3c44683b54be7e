import DisarmDiagnostics
import DisarmTestSupport
import Foundation
import Testing

@testable import DisarmLanguageServer

/// The language server on an extension (`extends:` in `.disarm.yml`): a local page's mention of an upstream object
/// leads to the page where upstream keeps it, and upstream objects are never renamed from the extension.
@Suite struct UpstreamExtensionTests {
  /// The sample knowledge base as `upstream/`, and one local sub-technique under its T0151.
  static func extensionFolder() throws -> URL {
    let root = TemporaryFolder.make("disarm-lsp-upstream").standardizedFileURL
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: root.appendingPathComponent("upstream"))
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("techniques"), withIntermediateDirectories: true)
    let sample = try String(
      contentsOf: TestSupport.sampleData.appendingPathComponent("techniques/T0151.008.md"), encoding: .utf8)
    let local = sample.replacingOccurrences(of: "T0151.008: Microblogging Platform", with: "T0151.901: Local Chat")
    try Data(local.utf8).write(to: root.appendingPathComponent("techniques/T0151.901.md"))
    try Data("extends: upstream\n".utf8).write(to: root.appendingPathComponent(".disarm.yml"))
    return root
  }

  static func request(_ server: LanguageServer, _ id: Int, _ method: String, _ params: [String: Any]) -> Message? {
    let text = String(
      data: try! JSONSerialization.data(withJSONObject: [
        "jsonrpc": "2.0", "id": id, "method": method, "params": params,
      ]), encoding: .utf8)!
    return server.handle(Array(text.utf8)).last
  }

  @Test func definitionsLeadIntoUpstreamAndUpstreamObjectsAreNotRenamed() throws {
    let root = try Self.extensionFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let server = LanguageServer()
    #expect(Self.request(server, 1, "initialize", ["rootUri": root.absoluteString])?.result != nil)
    let page = root.appendingPathComponent("techniques/T0151.901.md").absoluteString
    let text = try String(contentsOf: URL(string: page)!, encoding: .utf8)
    let lines = text.components(separatedBy: "\n")
    let line = try #require(lines.firstIndex { $0.contains("**Parent Technique:** T0151") })
    let character = try #require(lines[line].range(of: "T0151 Digital")).lowerBound.utf16Offset(in: lines[line]) + 1
    let place: [String: Any] = [
      "textDocument": ["uri": page], "position": ["line": line, "character": character],
    ]
    let definition = Self.request(server, 2, "textDocument/definition", place)
    let target = definition?.result?["uri"]?.stringValue ?? definition?.result?.arrayValue?.first?["uri"]?.stringValue
    #expect(target == root.appendingPathComponent("upstream/techniques/T0151.md").absoluteString, "\(definition!)")

    let refused = Self.request(server, 3, "textDocument/prepareRename", place)
    #expect(refused?.error?.message.contains("T0151 is upstream's (upstream)") == true, "\(refused!)")
    // The local object itself can be renamed.
    let heading: [String: Any] = ["textDocument": ["uri": page], "position": ["line": 0, "character": 14]]
    let allowed = Self.request(server, 4, "textDocument/prepareRename", heading)
    #expect(allowed?.result?["placeholder"]?.stringValue == "Local Chat", "\(allowed!)")
  }
}
