import DisarmDiagnostics

/// The protocol's `Diagnostic`: a finding as an editor shows it (named so as not to hide disarm's own
/// `Diagnostic`, the finding it is made from).
struct LSPDiagnostic: Equatable, JSONRepresentable {
  var range: TextRange
  var severity: DiagnosticSeverity
  /// The rule id.
  var code: String
  /// Where the rule is documented.
  var codeDescription: String
  var source = "disarm"
  var message: String
  var tags: [DiagnosticTag] = []
  var relatedInformation: [DiagnosticRelatedInformation] = []

  var json: JSONValue {
    var members: [String: JSONValue] = [
      "range": range.json, "severity": .int(severity.rawValue), "code": .string(code),
      "codeDescription": .object(["href": .string(codeDescription)]), "source": .string(source),
      "message": .string(message),
    ]
    if !tags.isEmpty { members["tags"] = .array(tags.map { .int($0.rawValue) }) }
    if !relatedInformation.isEmpty { members["relatedInformation"] = relatedInformation.json }
    return .object(members)
  }
}
