import DisarmDiagnostics

/// A change planned to a page's text (bytes replaced), as code actions and renames compute it before the editor
/// gets it.
struct PlannedEdit: Equatable {
  /// The page-folder-relative path of the page.
  var path: String
  /// The bytes replaced.
  var range: Range<Int>
  var replacement: String
}

extension Workspace {
  /// The editor's edit for planned changes: `edits` (applied in order per page) and `moves` (pages renamed, by
  /// path). Without moves it is `changes` by URI; with moves, `documentChanges`: each page's edits in path order,
  /// then the moves. The one place where byte offsets become the editor's positions for an edit.
  func workspaceEdit(_ edits: [PlannedEdit], moves: [(from: String, to: String)] = []) -> WorkspaceEdit {
    var byPath: [String: [TextEdit]] = [:]
    for (path, planned) in Dictionary(grouping: edits, by: \.path) {
      guard let file = source(path) else { continue }
      byPath[path] = planned.map { TextEdit(range: TextRange($0.range, in: file), newText: $0.replacement) }
    }
    guard !moves.isEmpty else {
      return WorkspaceEdit(changes: Dictionary(uniqueKeysWithValues: byPath.map { (uri(of: $0.key), $0.value) }))
    }
    let documentEdits = byPath.keys.sorted().map { path in
      DocumentChange.edit(TextDocumentEdit(uri: uri(of: path), version: nil, edits: byPath[path]!))
    }
    let renames = moves.map { DocumentChange.rename(RenameFile(oldURI: uri(of: $0.from), newURI: uri(of: $0.to))) }
    return WorkspaceEdit(documentChanges: documentEdits + renames)
  }
}
