import DisarmDiagnostics

/// A file moved to another name, in a ``WorkspaceEdit``'s `documentChanges` (an identifier's page follows its
/// identifier).
struct RenameFile: Equatable, JSONRepresentable {
  var oldURI: String
  var newURI: String

  var json: JSONValue { .object(["kind": .string("rename"), "oldUri": .string(oldURI), "newUri": .string(newURI)]) }
}
