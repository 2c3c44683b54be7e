import DisarmDiagnostics

/// One of a `textDocument/didChange`'s `contentChanges`: the whole new text, or text in place of a range.
enum TextDocumentContentChangeEvent: Equatable {
  case whole(String)
  case ranged(TextRange, String)

  /// The change `json` holds: ranged when it has a `range` object, whole otherwise; nil without a string `text` or
  /// with a range that is not one (such a change is skipped).
  init?(json: JSONValue) {
    guard let text = json["text"]?.stringValue else { return nil }
    guard case .object = json["range"] else {
      self = .whole(text)
      return
    }
    guard let range = TextRange(json: json["range"]) else { return nil }
    self = .ranged(range, text)
  }
}
