import DisarmDiagnostics
import DisarmLint
import Testing

@testable import DisarmLanguageServer

/// The typed messages as they go on the wire: the exact bytes (keys sorted, no whitespace) of a few messages, and the
/// envelope's reading of what a client sends.
@Suite struct ProtocolEncodingTests {
  static func wire(_ message: Message) -> String { String(decoding: JSONWriter.compact(message.json), as: UTF8.self) }

  static let range = TextRange(start: Position(line: 1, character: 2), end: Position(line: 1, character: 5))

  @Test func anErrorResponse() {
    #expect(
      Self.wire(.errorResponse(id: nil, error: ResponseError(code: .parseError, message: "the message is not JSON")))
        == #"{"error":{"code":-32700,"message":"the message is not JSON"},"id":null,"jsonrpc":"2.0"}"#)
    #expect(
      Self.wire(.errorResponse(id: .string("x"), error: .failed("a \"quoted\" name")))
        == #"{"error":{"code":-32803,"message":"a \"quoted\" name"},"id":"x","jsonrpc":"2.0"}"#)
  }

  @Test func aPublishedDiagnostic() {
    let diagnostic = LSPDiagnostic(
      range: Self.range, severity: .warning, code: "stale-page", codeDescription: "https://x/#stale-page",
      message: "é", tags: [.unnecessary])
    let params = PublishDiagnosticsParams(uri: "file:///kb/a.md", diagnostics: [diagnostic])
    #expect(
      Self.wire(.notification(method: PublishDiagnosticsParams.method, params: params.json))
        == #"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"diagnostics":[{"code":"stale-page","codeDescription":{"href":"https://x/#stale-page"},"message":"é","range":{"end":{"character":5,"line":1},"start":{"character":2,"line":1}},"severity":2,"source":"disarm","tags":[1]}],"uri":"file:///kb/a.md"}}"#
    )
  }

  @Test func aRenameWithAFileMove() {
    let edit = WorkspaceEdit(documentChanges: [
      .edit(TextDocumentEdit(uri: "file:///a.md", version: nil, edits: [TextEdit(range: Self.range, newText: "T2")])),
      .rename(RenameFile(oldURI: "file:///T1.md", newURI: "file:///T2.md")),
    ])
    #expect(
      Self.wire(.response(id: .number(7), result: edit.json))
        == #"{"id":7,"jsonrpc":"2.0","result":{"documentChanges":[{"edits":[{"newText":"T2","range":{"end":{"character":5,"line":1},"start":{"character":2,"line":1}}}],"textDocument":{"uri":"file:///a.md","version":null}},{"kind":"rename","newUri":"file:///T2.md","oldUri":"file:///T1.md"}]}}"#
    )
  }

  @Test func theWatchRegistrationAndALogMessage() {
    #expect(
      Self.wire(LanguageServer.watchRegistration)
        == #"{"id":"disarm/watch-files","jsonrpc":"2.0","method":"client/registerCapability","params":{"registrations":[{"id":"disarm-watched-files","method":"workspace/didChangeWatchedFiles","registerOptions":{"watchers":[{"globPattern":"**/*.{md,yml,yaml}"}]}}]}}"#
    )
    let log = LogMessageParams(type: .error, message: "disarm: x")
    #expect(
      Self.wire(.notification(method: LogMessageParams.method, params: log.json))
        == #"{"jsonrpc":"2.0","method":"window/logMessage","params":{"message":"disarm: x","type":1}}"#)
  }

  @Test func theFrameCountsBytes() {
    let framed = Message.response(id: .number(1), result: .string("é")).framed
    #expect(
      String(decoding: framed, as: UTF8.self)
        == "Content-Length: 38\r\n\r\n{\"id\":1,\"jsonrpc\":\"2.0\",\"result\":\"é\"}")
  }

  @Test func theEnvelopeReadsWhatClientsSend() throws {
    #expect(
      try Message.decode(Array(#"{"jsonrpc":"2.0","id":"a","method":"shutdown"}"#.utf8))
        == .request(id: .string("a"), method: "shutdown", params: nil))
    #expect(
      try Message.decode(Array(#"{"jsonrpc":"2.0","method":"exit","params":{}}"#.utf8))
        == .notification(method: "exit", params: .object([:])))
    #expect(try Message.decode(Array(#"{"jsonrpc":"2.0","id":3,"result":null}"#.utf8)) == .reply(id: .number(3)))
    #expect(
      throws: Message.Invalid(error: ResponseError(code: .invalidRequest, message: "an id is a number or a string"))
    ) {
      try Message.decode(Array(#"{"jsonrpc":"2.0","id":true,"method":"x"}"#.utf8))
    }
    #expect(
      throws: Message.Invalid(
        id: .number(4), error: ResponseError(code: .invalidRequest, message: "a request needs a method"))
    ) {
      try Message.decode(Array(#"{"jsonrpc":"2.0","id":4}"#.utf8))
    }
  }

  @Test func theRulesDeclareWhatTheServerNeeds() {
    // The tags and the regeneration fix come from the rules' descriptions, not from lists in the server.
    func description(_ id: String) -> RuleDescription? { RuleRegistry.rule(named: id)?.description }
    for id in ["stale-page", "orphan-page", "duplicate-row"] {
      #expect(description(id)?.editorTags == [.unnecessary], "\(id)")
    }
    for id in ["retired-id-reused", "removed-without-retirement"] {
      #expect(description(id)?.editorTags == [.deprecated], "\(id)")
    }
    let regenerating = RuleRegistry.descriptions.filter(\.fixedByRegenerating).map(\.id.rawValue).sorted()
    #expect(regenerating == ["derived-out-of-date", "name-mismatch"])
    #expect(RuleRegistry.descriptions.filter { !$0.editorTags.isEmpty }.count == 5)
  }
}
