import DisarmDiagnostics

/// `textDocument/codeAction`'s parameters: the document and the range the editor asks about. A page's fixes are
/// offered whatever the range (a page has few); a report's only for the mentions the range touches, since a report
/// may hold thousands of identifiers.
struct CodeActionParams: Equatable {
  var textDocument: TextDocumentIdentifier
  /// The selection or cursor; nil when the client sends none (then a report offers the fixes of every mention).
  var range: TextRange?

  init(json: JSONValue?) throws(ResponseError) {
    textDocument = try TextDocumentIdentifier.required(json)
    range = TextRange(json: json?["range"])
  }
}
