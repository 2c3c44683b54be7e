import DisarmDiagnostics

/// `initialize`'s answer: the server's capabilities, name and version.
struct InitializeResult: JSONRepresentable {
  var capabilities = ServerCapabilities()
  var name = "disarm"
  var version: String

  var json: JSONValue {
    .object([
      "capabilities": capabilities.json,
      "serverInfo": .object(["name": .string(name), "version": .string(version)]),
    ])
  }
}
