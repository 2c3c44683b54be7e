import DisarmDiagnostics

/// Text for the user in Markdown (the server writes no plain text).
struct MarkupContent: Equatable, JSONRepresentable {
  var markdown: String

  var json: JSONValue { .object(["kind": .string("markdown"), "value": .string(markdown)]) }
}
