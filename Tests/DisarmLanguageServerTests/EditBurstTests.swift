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

  static func published(_ messages: [[String: Any]]) -> [[String: Any]] {
    messages.filter { $0["method"] as? String == "textDocument/publishDiagnostics" }
  }

  /// The `code`s and messages of the diagnostics of one publishDiagnostics.
  static func findings(_ publish: [String: Any]) -> [String] {
    let diagnostics = (publish["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
    return diagnostics.map { "\($0["code"] ?? "") \($0["message"] ?? "")" }
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
    let findings = last.first.map(Self.findings) ?? []
    #expect(findings.contains { $0.hasPrefix("unresolved-reference") && $0.contains("T9999.999") })
    #expect(!findings.contains { $0.contains("T8888.888") || $0.contains("T7777.777") })

    // A request behind an edit in the same burst is answered on the edited text, after its findings.
    #expect(server.handle(Self.change(typed("T6666.666"), version: 5), moreFollow: true).isEmpty)
    let hover = Self.message(
      #"{"jsonrpc":"2.0","id":42,"method":"textDocument/hover","params":{"textDocument":{"uri":"\#(Self.uri)"},"position":{"line":\#(text[..<summary].filter { $0 == "\n" }.count),"character":\#(text[..<summary].split(separator: "\n", omittingEmptySubsequences: false).last!.count + 2)}}}"#
    )
    let answer = server.handle(hover, moreFollow: true)
    #expect(answer.count == 2)
    #expect(Self.findings(answer.first ?? [:]).contains { $0.contains("T6666.666") })
    let hovered = ((answer.last?["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
    #expect(hovered?.contains("T6666.666") == true, "the hover reads the edited text: \(String(describing: hovered))")
    #expect(server.finishPendingWork().isEmpty, "nothing left to check")
  }
}

/// Ranged edits (`contentChanges` with a `range`), which some clients send whatever the server asks for.
@Suite struct RangedChangeTests {
  @Test func rangedChangesApplyAtTheirUTF16Positions() {
    let text = Array("# Technique T1: Näme 😀\nline two\n".utf8)
    // Insert after the emoji (UTF-16: 2 units) on line 0, replace "two" on line 1, then delete "line ".
    let changes: [[String: Any]] = [
      ["range": ["start": ["line": 0, "character": 23], "end": ["line": 0, "character": 23]], "text": "!"],
      ["range": ["start": ["line": 1, "character": 5], "end": ["line": 1, "character": 8]], "text": "2"],
      ["range": ["start": ["line": 1, "character": 0], "end": ["line": 1, "character": 5]], "text": ""],
    ]
    let result = DocumentChanges.apply(changes, to: text, path: "t.md")
    #expect(String(decoding: result, as: UTF8.self) == "# Technique T1: Näme 😀!\n2\n")
    // A whole-text change replaces everything; a change without text is skipped.
    let whole = DocumentChanges.apply([["text": "new"], ["range": [:]]], to: text, path: "t.md")
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
    let diagnostics =
      (published.first?["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
    let unresolved = diagnostics.first { $0["code"] as? String == "unresolved-reference" }
    let start = (unresolved?["range"] as? [String: Any])?["start"] as? [String: Any]
    #expect(start?["line"] as? Int == 2 && start?["character"] as? Int == 13, "\(diagnostics)")
  }
}
