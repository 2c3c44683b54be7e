/// How a client sends a document's changes: the server asks for the whole text each time (and takes ranged
/// changes anyway, see `DocumentChanges`).
enum TextDocumentSyncKind: Int, Sendable {
  case none = 0
  case full = 1
  case incremental = 2
}
