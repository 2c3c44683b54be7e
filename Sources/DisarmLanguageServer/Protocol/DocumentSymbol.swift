import DisarmDiagnostics

/// An outline entry of a page (`textDocument/documentSymbol`): the page, its fields and tables, a table's rows.
struct DocumentSymbol: Equatable, JSONRepresentable {
  var name: String
  var kind: SymbolKind
  var range: TextRange
  var selectionRange: TextRange
  var children: [DocumentSymbol] = []

  var json: JSONValue {
    var members: [String: JSONValue] = [
      "name": .string(name), "kind": .int(kind.rawValue), "range": range.json, "selectionRange": selectionRange.json,
    ]
    if !children.isEmpty { members["children"] = children.json }
    return .object(members)
  }
}
