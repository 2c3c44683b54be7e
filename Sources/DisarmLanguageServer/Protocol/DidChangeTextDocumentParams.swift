import DisarmDiagnostics

/// `textDocument/didChange`: an open page's text changed, as a list of changes applied in order.
struct DidChangeTextDocumentParams: Equatable {
  var textDocument: TextDocumentIdentifier
  var contentChanges: [TextDocumentContentChangeEvent]

  /// Nil when the document or the list of changes is missing; changes that cannot be read are left out.
  init?(json: JSONValue?) {
    guard let textDocument = TextDocumentIdentifier(params: json), let changes = json?["contentChanges"]?.arrayValue
    else { return nil }
    self.textDocument = textDocument
    contentChanges = changes.compactMap(TextDocumentContentChangeEvent.init(json:))
  }
}
