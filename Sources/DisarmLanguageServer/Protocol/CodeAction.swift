import DisarmDiagnostics

/// A quick fix (`textDocument/codeAction`): the findings it resolves and the edit that resolves them.
struct CodeAction: Equatable, JSONRepresentable {
  /// The only kind the server offers.
  static let quickFix = "quickfix"

  var title: String
  var kind = CodeAction.quickFix
  var diagnostics: [LSPDiagnostic]
  var edit: WorkspaceEdit
  /// Whether the editor may apply it without asking which (the page's regeneration).
  var isPreferred = false

  var json: JSONValue {
    var members: [String: JSONValue] = [
      "title": .string(title), "kind": .string(kind), "diagnostics": diagnostics.json, "edit": edit.json,
    ]
    if isPreferred { members["isPreferred"] = .bool(true) }
    return .object(members)
  }
}
