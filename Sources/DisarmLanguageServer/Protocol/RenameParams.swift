import DisarmDiagnostics

/// `textDocument/rename`'s parameters: the identifier at a position and its object's new name (or new identifier).
struct RenameParams: Equatable {
  var place: TextDocumentPositionParams
  var newName: String

  init(json: JSONValue?) throws(ResponseError) {
    guard let newName = json?["newName"]?.stringValue else { throw ResponseError.params("newName is missing") }
    self.newName = newName
    place = try TextDocumentPositionParams(json: json)
  }
}
