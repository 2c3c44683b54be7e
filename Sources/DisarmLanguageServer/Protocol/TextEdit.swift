import DisarmDiagnostics

/// Text to put in place of a range of a document.
struct TextEdit: Equatable, JSONRepresentable {
  var range: TextRange
  var newText: String

  var json: JSONValue { .object(["range": range.json, "newText": .string(newText)]) }
}
