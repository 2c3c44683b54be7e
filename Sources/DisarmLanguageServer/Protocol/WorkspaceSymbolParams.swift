import DisarmDiagnostics

/// `workspace/symbol`'s parameters: the text typed (empty lists the first objects).
struct WorkspaceSymbolParams: Equatable {
  var query: String

  init(json: JSONValue?) { query = json?["query"]?.stringValue ?? "" }
}
