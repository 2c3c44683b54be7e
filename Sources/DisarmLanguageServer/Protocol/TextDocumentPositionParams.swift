import DisarmDiagnostics

/// The parameters of hover, definition, references, completion and prepareRename: a document and a position in it
/// (the document's start when the position is missing or not one).
struct TextDocumentPositionParams: Equatable {
  var textDocument: TextDocumentIdentifier
  var position: Position

  init(json: JSONValue?) throws(ResponseError) {
    textDocument = try TextDocumentIdentifier.required(json)
    position = Position(json: json?["position"]) ?? Position(line: 0, character: 0)
  }
}
