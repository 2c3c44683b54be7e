/// The JSON-RPC and Language Server Protocol error codes the server answers with.
enum ErrorCode: Int, Sendable {
  /// The body is not JSON.
  case parseError = -32700
  /// The body is JSON but not a request or notification (not an object, no method, an id of the wrong type).
  case invalidRequest = -32600
  /// A request the server does not handle.
  case methodNotFound = -32601
  /// A request whose parameters lack what it needs.
  case invalidParams = -32602
  /// A request other than `initialize` before `initialize` succeeded.
  case serverNotInitialized = -32002
  /// A request cancelled by `$/cancelRequest` before it ran.
  case requestCancelled = -32800
  /// A request that is well formed but cannot be answered (a file outside the workspace, a rename refused, …).
  case requestFailed = -32803
}
