import DisarmDiagnostics

/// The edits of one document in a ``WorkspaceEdit``'s `documentChanges`, for whatever version the editor has (the
/// server sends `version: null`).
struct TextDocumentEdit: Equatable, JSONRepresentable {
  var uri: String
  var version: Int?
  var edits: [TextEdit]

  var json: JSONValue {
    .object([
      "textDocument": .object(["uri": .string(uri), "version": version.map { .int($0) } ?? .null]),
      "edits": edits.json,
    ])
  }
}
