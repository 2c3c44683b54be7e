import DisarmDiagnostics

/// `textDocument/codeAction`'s parameters: the document (the server offers the fixes of all its findings, whatever
/// the range the editor asks about).
struct CodeActionParams: Equatable {
  var textDocument: TextDocumentIdentifier

  init(json: JSONValue?) throws(ResponseError) { textDocument = try TextDocumentIdentifier.required(json) }
}
