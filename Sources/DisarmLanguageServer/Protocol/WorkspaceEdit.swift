import DisarmDiagnostics

/// Edits to several documents at once, as a code action or a rename answers: either `changes` (edits by document
/// URI) or, when files move too, `documentChanges` (edits and moves in order).
struct WorkspaceEdit: Equatable, JSONRepresentable {
  var changes: [String: [TextEdit]]?
  var documentChanges: [DocumentChange]?

  var json: JSONValue {
    var members: [String: JSONValue] = [:]
    if let changes { members["changes"] = .object(changes.mapValues(\.json)) }
    if let documentChanges { members["documentChanges"] = documentChanges.json }
    return .object(members)
  }
}
