import DisarmDiagnostics

/// `client/registerCapability`, the server's one request to the client: to be told of files changed on disk behind
/// the editor's back (`workspace/didChangeWatchedFiles`), for every file matching `globPattern`.
struct RegistrationParams: JSONRepresentable {
  static let method = "client/registerCapability"

  /// The registration's own id, by which the client could later withdraw it.
  var registrationID: String
  var globPattern: String

  var json: JSONValue {
    .object([
      "registrations": .array([
        .object([
          "id": .string(registrationID), "method": .string(NotificationMethod.didChangeWatchedFiles.rawValue),
          "registerOptions": .object(["watchers": .array([.object(["globPattern": .string(globPattern)])])]),
        ])
      ])
    ])
  }
}
