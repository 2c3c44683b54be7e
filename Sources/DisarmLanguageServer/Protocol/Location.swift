import DisarmDiagnostics

/// A range in a document: where a definition, a reference or a symbol is.
struct Location: Equatable, JSONRepresentable {
  var uri: String
  var range: TextRange

  var json: JSONValue { .object(["uri": .string(uri), "range": range.json]) }
}
