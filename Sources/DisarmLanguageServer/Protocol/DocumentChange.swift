import DisarmDiagnostics

/// One entry of a ``WorkspaceEdit``'s `documentChanges`, applied in order: a document's edits or a file's move.
enum DocumentChange: Equatable, JSONRepresentable {
  case edit(TextDocumentEdit)
  case rename(RenameFile)

  var json: JSONValue {
    switch self {
    case .edit(let edit): edit.json
    case .rename(let rename): rename.json
    }
  }
}
