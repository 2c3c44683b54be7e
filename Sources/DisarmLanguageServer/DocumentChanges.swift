import DisarmDiagnostics

/// The `contentChanges` of a `textDocument/didChange`, applied in order to the page's text. The server asks for
/// whole texts (`textDocumentSync.change = 1`), but a client may send ranged edits anyway, and a mature server takes
/// them rather than silently keeping a stale text: a change with a `range` replaces that range (UTF-16 positions,
/// as the protocol counts), one without replaces everything.
enum DocumentChanges {
  /// `text` with every change applied; a change that is not an object with a string `text` is skipped.
  static func apply(_ changes: [[String: Any]], to text: [UInt8], path: String) -> [UInt8] {
    var bytes = text
    for change in changes {
      guard let replacement = change["text"] as? String else { continue }
      guard let range = change["range"] as? [String: Any] else {
        bytes = Array(replacement.utf8)
        continue
      }
      guard let start = LSPPosition(json: range["start"]), let end = LSPPosition(json: range["end"]) else { continue }
      let file = SourceFile(path: path, bytes: bytes)
      let lower = start.offset(in: file)
      let upper = max(lower, end.offset(in: file))
      bytes.replaceSubrange(lower..<upper, with: Array(replacement.utf8))
    }
    return bytes
  }
}
