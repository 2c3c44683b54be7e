import DisarmTestSupport
import Foundation
import Testing

/// `disarm lsp` as a process: framed messages in, framed answers out; a cancelled request gets RequestCancelled, the
/// exit status follows the protocol (0 after shutdown and exit, 1 when the input ends first), and garbage on stdin
/// never crashes it.
@Suite struct LSPProcessTests {
  static func frame(_ json: String) -> Data {
    let body = Data(json.utf8)
    return Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
  }

  static func run(_ input: Data) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = DisarmProcess.binary
    process.arguments = ["lsp"]
    process.currentDirectoryURL = TestSupport.repositoryRoot
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = FileHandle.nullDevice
    try process.run()
    stdin.fileHandleForWriting.write(input)
    try stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit, "the server was killed by a signal")
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }

  @Test func aCancelledRequestIsAnsweredAsCancelledAndExitFollowsShutdown() throws {
    let root = TestSupport.repositoryRoot.absoluteString
    var input = Self.frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"\#(root)"}}"#)
    input += Self.frame(#"{"jsonrpc":"2.0","id":2,"method":"workspace/symbol","params":{"query":"micro"}}"#)
    input += Self.frame(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":2}}"#)
    input += Self.frame(#"{"jsonrpc":"2.0","id":3,"method":"shutdown"}"#)
    input += Self.frame(#"{"jsonrpc":"2.0","method":"exit"}"#)
    let result = try Self.run(input)
    #expect(result.status == 0)
    #expect(result.output.contains(#"{"error":{"code":-32800,"message":"cancelled"},"id":2,"jsonrpc":"2.0"}"#))
    #expect(result.output.contains(#""id":3,"jsonrpc":"2.0","result":null"#))
  }

  @Test func garbageOnStandardInputNeverCrashesTheServer() throws {
    var generator = SystemRandomNumberGenerator()
    for round in 0..<20 {
      var input = Data(
        (0..<Int.random(in: 0...5000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) })
      if round % 2 == 0 {
        input =
          Self.frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}") + input
          + Data("Content-Length: 99999999999\r\n\r\n".utf8) + Self.frame("[")
      }
      let result = try Self.run(input)
      // The input ended without shutdown and exit: status 1, as the protocol says.
      #expect(result.status == 1)
    }
  }
}
