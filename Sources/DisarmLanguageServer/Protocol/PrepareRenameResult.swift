import DisarmDiagnostics

/// `textDocument/prepareRename`'s answer: the identifier's range and the name the rename starts from.
struct PrepareRenameResult: Equatable, JSONRepresentable {
  var range: TextRange
  var placeholder: String

  var json: JSONValue { .object(["range": range.json, "placeholder": .string(placeholder)]) }
}
