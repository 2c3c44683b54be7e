import DisarmDiagnostics
import DisarmTestSupport
import Foundation
import Testing

@testable import DisarmLanguageServer

/// Markdown files of the workspace that are not pages are reports: tagged as `disarm tag` tags them, with hover,
/// definition, references and completion on their mentions, diagnostics for unknown, retired and misnamed
/// identifiers, and quick fixes that edit the report alone. JSON-RPC messages in and out.
@Suite struct ReportTests {
  /// A repository holding data/ (with a register retiring T0099 in favour of T0151.008) and a reports/ folder.
  static func repository() throws -> URL {
    let root = TemporaryFolder.make("disarm-lsp-reports").standardizedFileURL
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: root.appendingPathComponent("data"))
    try Data("- id: T0099\n  name: Old Platform\n  retired: v1.6\n  replaced-by: T0151.008\n".utf8).write(
      to: root.appendingPathComponent("data/retired.yml"))
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("reports"), withIntermediateDirectories: true)
    return root
  }

  static func json(_ object: Any) -> [UInt8] { Array(try! JSONSerialization.data(withJSONObject: object)) }

  static func initialized(_ root: URL) -> LanguageServer {
    let server = LanguageServer()
    let answer = server.handle(
      json(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["rootUri": root.absoluteString]]))
    #expect(answer.last?.result != nil, "\(answer)")
    return server
  }

  static func open(_ server: LanguageServer, _ uri: String, _ text: String) -> [Message] {
    server.handle(
      json([
        "jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": text]],
      ]))
  }

  static func change(
    _ server: LanguageServer, _ uri: String, _ text: String, version: Int = 2, moreFollow: Bool = false
  ) -> [Message] {
    server.handle(
      json([
        "jsonrpc": "2.0", "method": "textDocument/didChange",
        "params": [
          "textDocument": ["uri": uri, "version": version], "contentChanges": [["text": text]],
        ],
      ]), moreFollow: moreFollow)
  }

  static func request(_ server: LanguageServer, _ method: String, _ params: [String: Any]) -> Message? {
    server.handle(json(["jsonrpc": "2.0", "id": 7, "method": method, "params": params])).last
  }

  /// The LSP position (UTF-16) of the first `needle` in `text`, `shift` units further.
  static func position(of needle: String, in text: String, shift: Int = 0) -> [String: Int] {
    let index = text.range(of: needle)!.lowerBound
    let before = text[..<index]
    let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
    return ["line": before.filter { $0 == "\n" }.count, "character": text[lineStart..<index].utf16.count + shift]
  }

  static func at(_ uri: String, _ position: [String: Int]) -> [String: Any] {
    ["textDocument": ["uri": uri], "position": position]
  }

  /// The diagnostics published for `uri` among `messages` (nil when none were).
  static func published(_ messages: [Message], for uri: String) -> [JSONValue]? {
    messages.last {
      $0.method == "textDocument/publishDiagnostics" && $0.params?["uri"]?.stringValue == uri
    }?.params?["diagnostics"]?.arrayValue
  }

  static let text = """
    # Takedown of a network

    The network posted on a microblogging platform. It also used T0151.008 and T0151.004: Chat Platform.
    Réseau « bots » 😀 — it also cited T0151.777 and T0099, and T0151.007: Wrong Name.
    The end.
    """

  @Test func aReportOutsideTheKnowledgeBaseIsTaggedWithItsFindings() throws {
    let root = try Self.repository()
    let server = Self.initialized(root)
    let uri = root.appendingPathComponent("reports/takedown.md").absoluteString
    let messages = Self.open(server, uri, Self.text)
    let diagnostics = try #require(Self.published(messages, for: uri))
    #expect(messages.count == 1, "only the report is published: \(messages.compactMap(\.method))")
    let codes = diagnostics.compactMap { $0["code"]?.stringValue }
    #expect(codes == ["report-unknown-id", "report-retired-id", "report-name-mismatch"])

    // The unknown identifier: an error at its UTF-16 range (after « », 😀 and —), naming the nearest identifiers.
    let unknown = diagnostics[0]
    #expect(unknown["severity"]?.intValue == 1)
    let start = Self.position(of: "T0151.777", in: Self.text)
    #expect(unknown["range"]?["start"]?["line"]?.intValue == start["line"])
    #expect(unknown["range"]?["start"]?["character"]?.intValue == start["character"])
    #expect(unknown["range"]?["end"]?["character"]?.intValue == start["character"]! + 9)
    let message = unknown["message"]?.stringValue ?? ""
    #expect(message.contains("T0151.777: no such technique") && message.contains("nearest: T0151.007"), "\(message)")
    // The retired one: a warning naming its replacement, struck through.
    #expect(diagnostics[1]["severity"]?.intValue == 2)
    #expect(diagnostics[1]["message"]?.stringValue?.contains("replaced by T0151.008 Microblogging Platform") == true)
    #expect(diagnostics[1]["tags"]?.arrayValue?.compactMap(\.intValue) == [2])
    // The written name that is not the object's: information over the name.
    #expect(diagnostics[2]["severity"]?.intValue == 3)
    #expect(
      diagnostics[2]["range"]?["start"]?["character"]?.intValue
        == Self.position(of: "Wrong Name", in: Self.text)["character"])
    #expect(diagnostics[2]["message"]?.stringValue?.contains("'Wrong Name' is not the name of T0151.007") == true)
  }

  @Test func hoverAndDefinitionOnAMentionReadTheKnowledgeBase() throws {
    let root = try Self.repository()
    let server = Self.initialized(root)
    let uri = root.appendingPathComponent("reports/takedown.md").absoluteString
    _ = Self.open(server, uri, Self.text)

    // On an identifier: the object as a page's hover shows it (kind, identifier, name, tactic, summary).
    let hover = Self.request(server, "textDocument/hover", Self.at(uri, Self.position(of: "T0151.008", in: Self.text)))
    let value = hover?.result?["contents"]?["value"]?.stringValue ?? ""
    #expect(value.contains("**Technique T0151.008: Microblogging Platform**"), "\(value)")
    #expect(value.contains("Tactic: TA07"), "\(value)")
    let summary = try String(contentsOf: TestSupport.sampleData.appendingPathComponent("techniques/T0151.008.md"))
      .components(separatedBy: "**Summary**: ")[1].prefix(30)
    #expect(value.contains(summary), "\(value)")
    // On a name written without its identifier, and on an unknown identifier (with the nearest ones named).
    let byName = Self.request(
      server, "textDocument/hover", Self.at(uri, Self.position(of: "microblogging platform", in: Self.text, shift: 3)))
    #expect(byName?.result?["contents"]?["value"]?.stringValue?.contains("Named here without its identifier") == true)
    let unknown = Self.request(
      server, "textDocument/hover", Self.at(uri, Self.position(of: "T0151.777", in: Self.text, shift: 9)))
    #expect(unknown?.result?["contents"]?["value"]?.stringValue?.contains("Nearest: T0151.007") == true)
    // Between mentions: nothing.
    let nothing = Self.request(server, "textDocument/hover", Self.at(uri, ["line": 0, "character": 3]))
    #expect(nothing?.result == .null)

    // Go to definition: the heading of the object's page.
    let definition = Self.request(
      server, "textDocument/definition", Self.at(uri, Self.position(of: "T0151.004", in: Self.text)))
    #expect(definition?.result?["uri"]?.stringValue?.hasSuffix("/data/techniques/T0151.004.md") == true)
    #expect(definition?.result?["range"]?["start"]?["line"]?.intValue == 0)
    // References: the report's mentions, then the pages'.
    let references = Self.request(
      server, "textDocument/references", Self.at(uri, Self.position(of: "T0151.008", in: Self.text)))
    let uris = (references?.result?.arrayValue ?? []).compactMap { $0["uri"]?.stringValue }
    #expect(uris.prefix(2) == [uri, uri], "the identifier and the name in the report: \(uris)")
    #expect(uris.contains { $0.hasSuffix("/data/techniques/T0151.008.md") })
  }

  @Test func aCodeActionInsertsTheNameAfterABareIdentifierInTheReportOnly() throws {
    let root = try Self.repository()
    let server = Self.initialized(root)
    let uri = root.appendingPathComponent("reports/takedown.md").absoluteString
    _ = Self.open(server, uri, Self.text)
    let at = Self.position(of: "T0151.008", in: Self.text, shift: 2)
    let actions = Self.request(
      server, "textDocument/codeAction",
      ["textDocument": ["uri": uri], "range": ["start": at, "end": at], "context": ["diagnostics": []]])
    let list = try #require(actions?.result?.arrayValue)
    #expect(list.map { $0["title"]?.stringValue } == ["Insert the name: T0151.008: Microblogging Platform"])
    let changes = try #require(list.first?["edit"]?["changes"]?.objectValue)
    #expect(Array(changes.keys) == [uri], "the report alone is edited")
    let edit = try #require(changes[uri]?.arrayValue?.first)
    #expect(edit["newText"]?.stringValue == ": Microblogging Platform")
    let end = Self.position(of: "T0151.008", in: Self.text, shift: 9)
    #expect(edit["range"]?["start"]?["character"]?.intValue == end["character"])
    #expect(edit["range"]?["end"]?["character"]?.intValue == end["character"])

    // The misnamed identifier's action writes the object's name; the retired one's its replacement.
    func titles(at needle: String) -> [String] {
      let at = Self.position(of: needle, in: Self.text)
      let answer = Self.request(
        server, "textDocument/codeAction", ["textDocument": ["uri": uri], "range": ["start": at, "end": at]])
      return (answer?.result?.arrayValue ?? []).compactMap { $0["title"]?.stringValue }
    }
    #expect(titles(at: "Wrong Name") == ["Write T0151.007's name: Chat Broadcast Group"])
    // The name is replaced without the full stop that ends the sentence after it.
    let wrong = Self.position(of: "Wrong Name", in: Self.text)
    let fix = Self.request(
      server, "textDocument/codeAction", ["textDocument": ["uri": uri], "range": ["start": wrong, "end": wrong]])
    let replaced = fix?.result?.arrayValue?.first?["edit"]?["changes"]?[uri]?.arrayValue?.first?["range"]
    #expect(replaced?["start"]?["character"]?.intValue == wrong["character"])
    #expect(replaced?["end"]?["character"]?.intValue == wrong["character"]! + "Wrong Name".utf16.count)
    #expect(titles(at: "T0099") == ["Replace with T0151.008: Microblogging Platform"])
    #expect(titles(at: "T0151.777").isEmpty)
    // A report is not a page: renaming from it is refused with a reason.
    let rename = Self.request(
      server, "textDocument/rename",
      Self.at(uri, Self.position(of: "T0151.008", in: Self.text)).merging(["newName": "X"]) { $1 })
    #expect(rename?.error?.code == .requestFailed)
    #expect(rename?.error?.message.contains("report") == true)
  }

  @Test func editsRetagAndChangesInTheKnowledgeBaseRetagOpenReports() throws {
    let root = try Self.repository()
    let server = Self.initialized(root)
    let uri = root.appendingPathComponent("reports/takedown.md").absoluteString
    let report = "Seen on T0151.008: Microblogging Platform, and T0151.999.\n"
    #expect(Self.published(Self.open(server, uri, report), for: uri)?.count == 1)
    // A burst of edits is tagged once, with the last text.
    #expect(Self.change(server, uri, report + "Then T0151.888.\n", version: 2, moreFollow: true).isEmpty)
    let edited = report.replacingOccurrences(of: "T0151.999", with: "T0151.004")
    let last = Self.change(server, uri, edited, version: 3)
    #expect(Self.published(last, for: uri) == [], "the unknown identifier was corrected: \(last)")

    // The page's heading renamed in the editor: the report's written name no longer agrees.
    let page = root.appendingPathComponent("data/techniques/T0151.008.md")
    let pageText = try String(contentsOf: page, encoding: .utf8)
    _ = Self.open(server, page.absoluteString, pageText)
    let renamed = Self.change(
      server, page.absoluteString,
      pageText.replacingOccurrences(
        of: "# Technique T0151.008: Microblogging Platform", with: "# Technique T0151.008: Short-Post Platform"))
    let findings = try #require(Self.published(renamed, for: uri), "the open report is tagged again: \(renamed)")
    #expect(findings.compactMap { $0["code"]?.stringValue } == ["report-name-mismatch"])
    // An edit of the page that changes no identifier or name leaves the report alone.
    let unrelated = Self.change(
      server, page.absoluteString,
      pageText.replacingOccurrences(
        of: "# Technique T0151.008: Microblogging Platform", with: "# Technique T0151.008: Short-Post Platform")
        + "\nMore notes.\n", version: 3)
    #expect(Self.published(unrelated, for: uri) == nil)

    // Closing the report takes its findings back.
    let closed = server.handle(
      Self.json(["jsonrpc": "2.0", "method": "textDocument/didClose", "params": ["textDocument": ["uri": uri]]]))
    #expect(Self.published(closed, for: uri) == [])
  }

  @Test func whichFilesAreReportsAndWhichKnowledgeBaseTagsThem() throws {
    let root = TemporaryFolder.make("disarm-lsp-reports-two").standardizedFileURL
    for name in ["alpha", "beta"] {
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent(name), withIntermediateDirectories: true)
      try FileManager.default.copyItem(at: TestSupport.sampleData, to: root.appendingPathComponent("\(name)/data"))
    }
    // beta lacks T0002 (its page and its index row): a report tagged against beta finds it unknown.
    try FileManager.default.removeItem(at: root.appendingPathComponent("beta/data/techniques/T0002.md"))
    let index = root.appendingPathComponent("beta/data/techniques_index.md")
    let listing = try String(contentsOf: index, encoding: .utf8)
    try Data(IndexRows.removing("T0002", folder: "techniques", from: listing).utf8).write(to: index)
    let server = Self.initialized(root)
    #expect(server.workspaces.map { $0.folder.lastPathComponent } == ["data", "data"])
    let alpha = server.workspaces[0]
    let beta = server.workspaces[1]
    func kb(_ relative: String) -> Workspace? {
      server.knowledgeBase(forReport: root.appendingPathComponent(relative).absoluteString)
    }
    // The nearest knowledge base above the report, else the first.
    #expect(kb("beta/reports/r.md") === beta)
    #expect(kb("beta/data/drafts/r.markdown") === beta)
    #expect(kb("alpha/notes.MD") === alpha)
    #expect(kb("r.md") === alpha)
    // Pages, files that are not Markdown, and files outside the workspace are not reports.
    #expect(kb("beta/data/techniques/T0151.008.md") == nil)
    #expect(kb("beta/data/techniques_index.md") == nil)
    #expect(kb("beta/data/notes.txt") == nil)
    #expect(server.knowledgeBase(forReport: "file:///etc/elsewhere/report.md") == nil)
    // A Markdown file in a page folder that is not a page is a report, not a page.
    #expect(server.workspace(holding: root.appendingPathComponent("beta/data/drafts/r.md").absoluteString) == nil)
    #expect(
      server.workspace(holding: root.appendingPathComponent("beta/data/techniques/T0002.md").absoluteString) != nil)

    let inBeta = root.appendingPathComponent("beta/reports/r.md").absoluteString
    let messages = Self.open(server, inBeta, "It used T0002 and T0151.008.\n")
    #expect(
      Self.published(messages, for: inBeta)?.first?["message"]?.stringValue?.hasPrefix("T0002: no such technique")
        == true)
    let inRoot = root.appendingPathComponent("r.md").absoluteString
    #expect(Self.published(Self.open(server, inRoot, "It used T0002 and T0151.008.\n"), for: inRoot) == [])
    // Outside the workspace, a Markdown file is still outside.
    let outside = Self.request(
      server, "textDocument/hover", Self.at("file:///etc/elsewhere/report.md", ["line": 0, "character": 0]))
    #expect(outside?.error?.code == .requestFailed)
  }

  @Test func aReportOverTheSizeLimitHasOneDiagnosticSayingSo() throws {
    let root = try Self.repository()
    let server = Self.initialized(root)
    server.reports.largestTagged = 100
    let uri = root.appendingPathComponent("reports/long.md").absoluteString
    let long = String(repeating: "T0151.777 ", count: 20)
    let diagnostics = try #require(Self.published(Self.open(server, uri, long), for: uri))
    #expect(diagnostics.compactMap { $0["code"]?.stringValue } == ["report-too-large"])
    #expect(diagnostics.first?["message"]?.stringValue?.contains("this report is 200 bytes") == true)
    #expect(diagnostics.first?["message"]?.stringValue?.contains("up to 100 bytes") == true)
    #expect(ReportDiagnostics.size(4 << 20) == "4 MiB")
    #expect(ReportDiagnostics.size((4 << 20) + 96) == "4.0 MiB (4194400 bytes)")
    // Under the limit again, it is tagged.
    let short = Self.change(server, uri, "T0151.777\n")
    #expect(Self.published(short, for: uri)?.compactMap { $0["code"]?.stringValue } == ["report-unknown-id"])
  }

  @Test func thousandsOfFindingsAreShownUpToABound() throws {
    let root = try Self.repository()
    let server = Self.initialized(root)
    let uri = root.appendingPathComponent("reports/many.md").absoluteString
    let many = (0..<1500).map { "T0151.\(String(format: "%03d", 100 + $0 % 800)) " }.joined() + "\n"
    let diagnostics = try #require(Self.published(Self.open(server, uri, many), for: uri))
    #expect(diagnostics.count == ReportDiagnostics.largestCount + 1)
    #expect(diagnostics.last?["code"]?.stringValue == "report-too-many-findings")
    #expect(diagnostics.last?["message"]?.stringValue?.hasPrefix("500 more findings") == true)
  }

  @Test func completionInAReportWritesIdentifierAndName() throws {
    let root = try Self.repository()
    let server = Self.initialized(root)
    let uri = root.appendingPathComponent("reports/draft.md").absoluteString
    let text = "| It was seen on T0151.00"
    _ = Self.open(server, uri, text)
    let answer = Self.request(
      server, "textDocument/completion", Self.at(uri, ["line": 0, "character": text.utf16.count]))
    let items = answer?.result?["items"]?.arrayValue ?? []
    let item = try #require(items.first { $0["label"]?.stringValue == "T0151.008" })
    // In a report, even in a table row, the text form: a report has no page links to write.
    #expect(item["textEdit"]?["newText"]?.stringValue == "T0151.008: Microblogging Platform")
  }
}
