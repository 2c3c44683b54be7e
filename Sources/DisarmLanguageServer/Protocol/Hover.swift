import DisarmDiagnostics

/// `textDocument/hover`'s answer: what the identifier under the cursor names, over the identifier's range.
struct Hover: Equatable, JSONRepresentable {
  var contents: MarkupContent
  var range: TextRange

  var json: JSONValue { .object(["contents": contents.json, "range": range.json]) }
}
