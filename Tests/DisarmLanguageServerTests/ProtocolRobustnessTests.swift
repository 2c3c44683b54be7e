import DisarmDiagnostics
import DisarmTestSupport
import Foundation
import Testing

@testable import DisarmLanguageServer

/// The server against malformed and random JSON-RPC: every message is answered with the protocol's error or
/// ignored, and the server keeps working afterwards (property test: thousands of generated messages).
@Suite struct ProtocolRobustnessTests {
  static func initialized() -> LanguageServer {
    let server = LanguageServer()
    let root = TestSupport.sampleData.deletingLastPathComponent().absoluteString
    _ = server.handle(Array(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"\#(root)"}}"#.utf8))
    return server
  }

  static func code(_ messages: [Message]) -> Int? { messages.first?.error?.code.rawValue }

  @Test func malformedMessagesGetTheProtocolsErrors() {
    let server = Self.initialized()
    #expect(Self.code(server.handle(Array("{not json".utf8))) == -32700)
    #expect(Self.code(server.handle(Array("[1,2]".utf8))) == -32600)
    #expect(Self.code(server.handle(Array(#"{"jsonrpc":"2.0","id":7}"#.utf8))) == -32600)
    #expect(Self.code(server.handle(Array(#"{"jsonrpc":"2.0","id":{"a":1},"method":"x"}"#.utf8))) == -32600)
    #expect(Self.code(server.handle(Array(#"{"jsonrpc":"2.0","id":8,"method":"no/such"}"#.utf8))) == -32601)
    #expect(
      Self.code(server.handle(Array(#"{"jsonrpc":"2.0","id":9,"method":"textDocument/hover","params":{}}"#.utf8)))
        == -32602)
    let outside =
      #"{"jsonrpc":"2.0","id":10,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///etc/passwd"},"position":{"line":0,"character":0}}}"#
    #expect(Self.code(server.handle(Array(outside.utf8))) == -32803)
    // Notifications are never answered, known or not.
    #expect(server.handle(Array(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":3}}"#.utf8)).isEmpty)
    #expect(server.handle(Array(#"{"jsonrpc":"2.0","method":"no/such"}"#.utf8)).isEmpty)
    // And it still works.
    let symbols = server.handle(
      Array(#"{"jsonrpc":"2.0","id":11,"method":"workspace/symbol","params":{"query":"microblog"}}"#.utf8))
    #expect(symbols.first?.result?.arrayValue?.isEmpty == false)
  }

  @Test func beforeInitializeRequestsAreRefused() {
    let server = LanguageServer()
    let answer = server.handle(Array(#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}"#.utf8))
    #expect(Self.code(answer) == -32002)
  }

  /// Random messages, from garbage bytes to well-formed requests with random methods and parameters: each is
  /// answered (requests) or not (notifications), never with a crash; a real request afterwards is still answered.
  @Test func randomMessagesNeverStopTheServer() {
    let server = Self.initialized()
    var generator = SystemRandomNumberGenerator()
    let methods = [
      "textDocument/hover", "textDocument/definition", "textDocument/references", "textDocument/completion",
      "textDocument/documentSymbol", "workspace/symbol", "textDocument/codeAction", "textDocument/prepareRename",
      "textDocument/rename", "textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "x", "",
    ]
    let uri = TestSupport.sampleData.appendingPathComponent("techniques/T0151.008.md").absoluteString
    let values: [String] = [
      "null", "1", "-5", "\"\"", "[]", "{}", "\"\(uri)\"", "{\"uri\":\"\(uri)\"}", "{\"line\":3,\"character\":99999}",
      "{\"line\":-1,\"character\":2}", "\"é😀\"", "1e308", "true",
    ]
    for round in 0..<3000 {
      let body: [UInt8]
      if round % 5 == 0 {
        body = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
      } else {
        func value() -> String { values.randomElement(using: &generator)! }
        let params =
          "{\"textDocument\":\(value()),\"position\":\(value()),\"text\":\(value()),\"newName\":\(value()),\"query\":\(value()),\"contentChanges\":[{\"text\":\(value())}]}"
        let id = round % 3 == 0 ? "" : "\"id\":\(round),"
        body = Array(
          "{\"jsonrpc\":\"2.0\",\(id)\"method\":\"\(methods.randomElement(using: &generator)!)\",\"params\":\(Bool.random(using: &generator) ? params : value())}"
            .utf8)
      }
      _ = server.handle(body)
    }
    let answer = server.handle(
      Array(#"{"jsonrpc":"2.0","id":"last","method":"workspace/symbol","params":{"query":"T0151"}}"#.utf8))
    #expect(answer.contains { $0.id == .string("last") && $0.result != nil })
  }

  @Test func framingSurvivesBrokenHeaders() throws {
    var framing = MessageFraming()
    framing.append(Array("Content-Lngth: 3\r\n\r\nabcContent-Length: 2\r\n\r\n{}".utf8))
    var bodies: [[UInt8]] = []
    var errors = 0
    for _ in 0..<5 {
      do {
        if let body = try framing.next() { bodies.append(body) } else { break }
      } catch {
        errors += 1
      }
    }
    #expect(errors == 1)
    #expect(bodies == [Array("{}".utf8)])
  }
}
