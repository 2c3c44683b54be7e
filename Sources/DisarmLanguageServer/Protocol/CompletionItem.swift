import DisarmDiagnostics

/// One completion: an object's identifier, inserted as the context wants it (the identifier, a table row's link or
/// `ID: Name`).
struct CompletionItem: Equatable, JSONRepresentable {
  var label: String
  var detail: String
  var kind: CompletionItemKind
  var filterText: String
  var sortText: String
  var textEdit: TextEdit

  var json: JSONValue {
    .object([
      "label": .string(label), "detail": .string(detail), "kind": .int(kind.rawValue),
      "filterText": .string(filterText), "sortText": .string(sortText), "textEdit": textEdit.json,
    ])
  }
}
