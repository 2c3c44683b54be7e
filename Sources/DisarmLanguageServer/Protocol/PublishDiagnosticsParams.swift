import DisarmDiagnostics

/// `textDocument/publishDiagnostics`: every finding of one document, replacing those sent before.
struct PublishDiagnosticsParams: JSONRepresentable {
  static let method = "textDocument/publishDiagnostics"

  var uri: String
  var diagnostics: [LSPDiagnostic]

  var json: JSONValue { .object(["uri": .string(uri), "diagnostics": diagnostics.json]) }
}
