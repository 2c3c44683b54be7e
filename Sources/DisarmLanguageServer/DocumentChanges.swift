import DisarmDiagnostics

/// The `contentChanges` of a `textDocument/didChange`, applied in order to the page's text. The server asks for
/// whole texts (``TextDocumentSyncKind/full``), but a client may send ranged edits anyway, and a mature server takes
/// them rather than silently keeping a stale text: a ranged change replaces its range (UTF-16 positions, as the
/// protocol counts), a whole one everything.
enum DocumentChanges {
  /// `text` with every change applied.
  static func apply(_ changes: [TextDocumentContentChangeEvent], to text: [UInt8], path: String) -> [UInt8] {
    var bytes = text
    for change in changes {
      switch change {
      case .whole(let replacement):
        bytes = Array(replacement.utf8)
      case .ranged(let range, let replacement):
        let file = SourceFile(path: path, bytes: bytes)
        let lower = range.start.offset(in: file)
        let upper = max(lower, range.end.offset(in: file))
        bytes.replaceSubrange(lower..<upper, with: Array(replacement.utf8))
      }
    }
    return bytes
  }
}
