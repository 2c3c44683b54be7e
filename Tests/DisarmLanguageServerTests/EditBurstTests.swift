import DisarmDiagnostics
import DisarmTestSupport
import Foundation
import Testing

@testable import DisarmLanguageServer

/// Keystrokes arrive faster than a large knowledge base is re-checked: edits that have already arrived together
/// are checked once, with the last text, and a request among them is answered on the text of the edits before it.
@Suite struct EditBurstTests {
  static let path = "techniques/T0151.008.md"
  static let uri = TestSupport.sampleData.appendingPathComponent(path).absoluteString

  static func message(_ json: String) -> [UInt8] { Array(json.utf8) }

  static func change(_ text: String, version: Int) -> [UInt8] {
    let escaped = String(data: try! JSONSerialization.data(withJSONObject: [text], options: []), encoding: .utf8)!
    return message(
      #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"\#(uri)","version":\#(version)},"contentChanges":[{"text":\#(escaped.dropFirst().dropLast())}]}}"#
    )
  }

  static func published(_ messages: [Message]) -> [Message] {
    messages.filter { $0.method == "textDocument/publishDiagnostics" }
  }

  /// The `code`s and messages of the diagnostics of one publishDiagnostics.
  static func findings(_ publish: Message?) -> [String] {
    let diagnostics = publish?.params?["diagnostics"]?.arrayValue ?? []
    return diagnostics.map { "\($0["code"]?.stringValue ?? "") \($0["message"]?.stringValue ?? "")" }
  }

  @Test func aBurstOfEditsIsCheckedOnceWithTheLastText() throws {
    let server = ProtocolRobustnessTests.initialized()
    let text = try String(contentsOf: TestSupport.sampleData.appendingPathComponent(Self.path), encoding: .utf8)
    let open = Self.message(
      #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(Self.uri)","languageId":"markdown","version":1,"text":\#(String(data: try JSONSerialization.data(withJSONObject: [text]), encoding: .utf8)!.dropFirst().dropLast())}}}"#
    )
    #expect(Self.published(server.handle(open)).count == 1)
    let summary = text.range(of: "**Summary**: ")!.upperBound
    func typed(_ id: String) -> String { text.replacingCharacters(in: summary..<summary, with: "\(id) ") }

    // Three edits already queued behind one another: nothing is checked until the last.
    #expect(server.handle(Self.change(typed("T8888.888"), version: 2), moreFollow: true).isEmpty)
    #expect(server.handle(Self.change(typed("T7777.777"), version: 3), moreFollow: true).isEmpty)
    let last = Self.published(server.handle(Self.change(typed("T9999.999"), version: 4)))
    #expect(last.count == 1)
    let findings = Self.findings(last.first)
    #expect(findings.contains { $0.hasPrefix("unresolved-reference") && $0.contains("T9999.999") })
    #expect(!findings.contains { $0.contains("T8888.888") || $0.contains("T7777.777") })

    // A request behind an edit in the same burst is answered on the edited text, after its findings.
    #expect(server.handle(Self.change(typed("T6666.666"), version: 5), moreFollow: true).isEmpty)
    let hover = Self.message(
      #"{"jsonrpc":"2.0","id":42,"method":"textDocument/hover","params":{"textDocument":{"uri":"\#(Self.uri)"},"position":{"line":\#(text[..<summary].filter { $0 == "\n" }.count),"character":\#(text[..<summary].split(separator: "\n", omittingEmptySubsequences: false).last!.count + 2)}}}"#
    )
    let answer = server.handle(hover, moreFollow: true)
    #expect(answer.count == 2)
    #expect(Self.findings(answer.first).contains { $0.contains("T6666.666") })
    let hovered = answer.last?.result?["contents"]?["value"]?.stringValue
    #expect(hovered?.contains("T6666.666") == true, "the hover reads the edited text: \(String(describing: hovered))")
    #expect(server.finishPendingWork().isEmpty, "nothing left to check")
  }
}

/// Ranged edits (`contentChanges` with a `range`), which some clients send whatever the server asks for.
@Suite struct RangedChangeTests {
  @Test func rangedChangesApplyAtTheirUTF16Positions() throws {
    let text = Array("# Technique T1: Näme 😀\nline two\n".utf8)
    // Insert after the emoji (UTF-16: 2 units) on line 0, replace "two" on line 1, then delete "line ".
    func range(_ line: Int, _ start: Int, _ end: Int) -> TextRange {
      TextRange(start: Position(line: line, character: start), end: Position(line: line, character: end))
    }
    let changes: [TextDocumentContentChangeEvent] = [
      .ranged(range(0, 23, 23), "!"), .ranged(range(1, 5, 8), "2"), .ranged(range(1, 0, 5), ""),
    ]
    let result = DocumentChanges.apply(changes, to: text, path: "t.md")
    #expect(String(decoding: result, as: UTF8.self) == "# Technique T1: Näme 😀!\n2\n")
    // A whole-text change replaces everything; a change without text is skipped.
    let read = try #require(
      DidChangeTextDocumentParams(
        json: try JSONParser.parse(
          Array(#"{"textDocument":{"uri":"file:///t.md"},"contentChanges":[{"text":"new"},{"range":{}}]}"#.utf8))))
    #expect(read.contentChanges == [.whole("new")])
    let whole = DocumentChanges.apply(read.contentChanges, to: text, path: "t.md")
    #expect(whole == Array("new".utf8))
  }

  @Test func aRangedEditIsCheckedLikeAWholeText() throws {
    let server = ProtocolRobustnessTests.initialized()
    let text = try String(
      contentsOf: TestSupport.sampleData.appendingPathComponent(EditBurstTests.path), encoding: .utf8)
    let escaped = String(data: try JSONSerialization.data(withJSONObject: [text]), encoding: .utf8)!.dropFirst()
      .dropLast()
    _ = server.handle(
      Array(
        #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(EditBurstTests.uri)","languageId":"markdown","version":1,"text":\#(escaped)}}}"#
          .utf8))
    let edit =
      #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"\#(EditBurstTests.uri)","version":2},"contentChanges":[{"range":{"start":{"line":2,"character":13},"end":{"line":2,"character":13}},"text":"T9999.999 "}]}}"#
    let published = EditBurstTests.published(server.handle(Array(edit.utf8)))
    let diagnostics = published.first?.params?["diagnostics"]?.arrayValue ?? []
    let unresolved = diagnostics.first { $0["code"]?.stringValue == "unresolved-reference" }
    let start = unresolved?["range"]?["start"]
    #expect(start?["line"]?.intValue == 2 && start?["character"]?.intValue == 13, "\(diagnostics)")
  }
}
