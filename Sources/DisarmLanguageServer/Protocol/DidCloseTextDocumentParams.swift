import DisarmDiagnostics

/// `textDocument/didClose`: a page closed in the editor (its file is read from disk again).
struct DidCloseTextDocumentParams: Equatable {
  var textDocument: TextDocumentIdentifier

  /// Nil when the document is missing.
  init?(json: JSONValue?) {
    guard let textDocument = TextDocumentIdentifier(params: json) else { return nil }
    self.textDocument = textDocument
  }
}
