import DisarmDiagnostics
import DisarmTestSupport
import Foundation
import Testing

@testable import DisarmLanguageServer

/// Files changed on disk behind the editor's back: a client that watches files for servers that ask is asked to
/// report pages and descriptions, and a page changed on disk is re-read and re-checked when it reports it.
@Suite struct WatchedFilesTests {
  static func initialize(_ server: LanguageServer, root: URL, dynamicWatching: Bool) -> [Message] {
    let capabilities = dynamicWatching ? #"{"workspace":{"didChangeWatchedFiles":{"dynamicRegistration":true}}}"# : "{}"
    _ = server.handle(
      Array(
        #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"\#(root.absoluteString)","capabilities":\#(capabilities)}}"#
          .utf8))
    return server.handle(Array(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#.utf8))
  }

  @Test func aClientThatWatchesOnRequestIsAskedToWatchPagesAndDescriptions() throws {
    let asked = Self.initialize(LanguageServer(), root: TestSupport.sampleData, dynamicWatching: true)
    #expect(asked.count == 1)
    #expect(asked.first?.method == "client/registerCapability")
    let registration = asked.first?.params?["registrations"]?.arrayValue?.first
    #expect(registration?["method"]?.stringValue == "workspace/didChangeWatchedFiles")
    let watchers = registration?["registerOptions"]?["watchers"]?.arrayValue
    #expect(watchers?.first?["globPattern"]?.stringValue == "**/*.{md,yml,yaml}")
    // Others are not asked (they report what they watch on their own, if anything).
    #expect(Self.initialize(LanguageServer(), root: TestSupport.sampleData, dynamicWatching: false).isEmpty)
  }

  @Test func aPageChangedOnDiskIsRecheckedWhenTheClientReportsIt() throws {
    let folder = TemporaryFolder.make("disarm-watch")
    defer { try? FileManager.default.removeItem(at: folder) }
    let kb = folder.appendingPathComponent("data")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: kb)
    let server = LanguageServer()
    let asked = Self.initialize(server, root: folder, dynamicWatching: true)
    // The client's answer to the registration is taken quietly.
    guard case .string(let id) = asked.first?.id else {
      Issue.record("no registration asked: \(asked)")
      return
    }
    let answer = #"{"jsonrpc":"2.0","id":"\#(id)","result":null}"#
    #expect(server.handle(Array(answer.utf8)).isEmpty)

    let page = kb.appendingPathComponent("techniques/T0151.004.md")
    var text = try String(contentsOf: page, encoding: .utf8)
    text = text.replacingOccurrences(of: "**Summary**: ", with: "**Summary**: See T9999.999. ")
    try text.write(to: page, atomically: true, encoding: .utf8)
    let uri = page.standardizedFileURL.absoluteString
    let published = server.handle(
      Array(
        #"{"jsonrpc":"2.0","method":"workspace/didChangeWatchedFiles","params":{"changes":[{"uri":"\#(uri)","type":2}]}}"#
          .utf8))
    let forPage = published.first {
      $0.params?["uri"]?.stringValue?.hasSuffix("techniques/T0151.004.md") == true
    }
    let diagnostics = forPage?.params?["diagnostics"]?.arrayValue ?? []
    #expect(
      diagnostics.contains {
        $0["code"]?.stringValue == "unresolved-reference" && $0["message"]?.stringValue?.contains("T9999.999") == true
      },
      "\(published)")
  }
}

/// A page saved by the editor without a `didSave` (a client that does not send it) and then closed is read from
/// disk again, not taken from what was read before it was opened.
@Suite struct ClosedPageTests {
  @Test func aClosedPageIsReadFromDiskAgain() throws {
    let folder = TemporaryFolder.make("disarm-close")
    let kb = folder.appendingPathComponent("data")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: kb)
    let workspace = try Workspace(folder: kb.standardizedFileURL, framework: nil)
    let path = "techniques/T0151.004.md"
    let page = kb.appendingPathComponent(path)
    var text = try String(contentsOf: page, encoding: .utf8)
    workspace.setOpen(path, Array(text.utf8))
    try workspace.reload(diskChanged: false)
    // Saved with a misspelt identifier while open, and no didSave sent: the editor closes it.
    text = text.replacingOccurrences(of: "**Summary**: ", with: "**Summary**: T9999.999 ")
    try text.write(to: page, atomically: false, encoding: .utf8)
    workspace.setOpen(path, nil)
    try workspace.reload(diskChanged: false)
    let findings = workspace.findings[path] ?? []
    #expect(findings.contains { $0.rule.rawValue == "unresolved-reference" && $0.message.contains("T9999.999") })
  }
}
