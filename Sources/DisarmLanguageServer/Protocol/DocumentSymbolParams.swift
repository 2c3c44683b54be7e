import DisarmDiagnostics

/// `textDocument/documentSymbol`'s parameters: the document to outline.
struct DocumentSymbolParams: Equatable {
  var textDocument: TextDocumentIdentifier

  init(json: JSONValue?) throws(ResponseError) { textDocument = try TextDocumentIdentifier.required(json) }
}
