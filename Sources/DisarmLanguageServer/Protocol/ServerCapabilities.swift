import DisarmDiagnostics

/// What the server offers, answered to `initialize`: UTF-16 positions, whole-text sync with open, close and save,
/// hover, definition, references, completion after `.`, symbols, quick fixes and renames with a prepare step.
struct ServerCapabilities: JSONRepresentable {
  var positionEncoding = "utf-16"
  var textDocumentSync = TextDocumentSyncKind.full
  var completionTriggerCharacters = ["."]

  var json: JSONValue {
    .object([
      "positionEncoding": .string(positionEncoding),
      "textDocumentSync": .object([
        "openClose": .bool(true), "change": .int(textDocumentSync.rawValue),
        "save": .object(["includeText": .bool(false)]),
      ]),
      "hoverProvider": .bool(true), "definitionProvider": .bool(true), "referencesProvider": .bool(true),
      "completionProvider": .object([
        "triggerCharacters": .array(completionTriggerCharacters.map { .string($0) }), "resolveProvider": .bool(false),
      ]),
      "documentSymbolProvider": .bool(true), "workspaceSymbolProvider": .bool(true),
      "codeActionProvider": .object(["codeActionKinds": .array([.string(CodeAction.quickFix)])]),
      "renameProvider": .object(["prepareProvider": .bool(true)]),
    ])
  }
}
