import DisarmDiagnostics

/// `window/logMessage`: a line in the client's output for the server.
struct LogMessageParams: JSONRepresentable {
  static let method = "window/logMessage"

  var type: MessageType
  var message: String

  var json: JSONValue { .object(["type": .int(type.rawValue), "message": .string(message)]) }
}
