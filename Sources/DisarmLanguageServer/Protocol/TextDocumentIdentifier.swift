import DisarmDiagnostics

/// The document a request or notification is about, by URI (`params.textDocument.uri`).
struct TextDocumentIdentifier: Equatable {
  var uri: String

  /// The document of `params`; nil when it names none.
  init?(params: JSONValue?) {
    guard let uri = params?["textDocument"]?["uri"]?.stringValue else { return nil }
    self.uri = uri
  }

  /// The document of a request's `params`, which the request cannot do without.
  static func required(_ params: JSONValue?) throws(ResponseError) -> TextDocumentIdentifier {
    guard let document = TextDocumentIdentifier(params: params) else {
      throw ResponseError.params("textDocument.uri is missing")
    }
    return document
  }
}
