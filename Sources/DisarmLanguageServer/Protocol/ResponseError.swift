import DisarmDiagnostics

/// An error answer: a code and a message for the user. Thrown by the handlers; the server sends it as the
/// response's `error`.
struct ResponseError: Error, Equatable, JSONRepresentable {
  var code: ErrorCode
  var message: String

  /// Parameters that lack what the request needs.
  static func params(_ message: String) -> ResponseError { ResponseError(code: .invalidParams, message: message) }

  /// A request that cannot be answered, saying why.
  static func failed(_ message: String) -> ResponseError { ResponseError(code: .requestFailed, message: message) }

  var json: JSONValue { .object(["code": .int(code.rawValue), "message": .string(message)]) }
}
