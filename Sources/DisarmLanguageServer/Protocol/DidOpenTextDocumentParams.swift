import DisarmDiagnostics

/// `textDocument/didOpen`: a page opened in the editor, with its text.
struct DidOpenTextDocumentParams: Equatable {
  var textDocument: TextDocumentIdentifier
  var text: String

  /// Nil when the document or its text is missing (the notification is then ignored).
  init?(json: JSONValue?) {
    guard let textDocument = TextDocumentIdentifier(params: json),
      let text = json?["textDocument"]?["text"]?.stringValue
    else { return nil }
    self.textDocument = textDocument
    self.text = text
  }
}
