import DisarmDiagnostics
import DisarmEditing

extension Workspace {
  /// The editor's edit for a plan of the language server's (``EditorEdits``): each page's byte edits, and the pages
  /// renamed. Without renames it is `changes` by URI; with them, `documentChanges`: each page's edits in path order,
  /// then the renames. The one place where a plan's byte offsets become the editor's positions.
  func workspaceEdit(_ verified: VerifiedChangePlan) -> WorkspaceEdit {
    let plan = verified.plan
    var byPath: [String: [TextEdit]] = [:]
    for (path, edits) in plan.textEdits {
      guard let file = source(path) else { continue }
      byPath[path] = edits.map {
        TextEdit(range: TextRange($0.range, in: file), newText: String(decoding: $0.replacement, as: UTF8.self))
      }
    }
    guard !plan.moves.isEmpty else {
      return WorkspaceEdit(changes: Dictionary(uniqueKeysWithValues: byPath.map { (uri(of: $0.key), $0.value) }))
    }
    let documentEdits = byPath.keys.sorted().map { path in
      DocumentChange.edit(TextDocumentEdit(uri: uri(of: path), version: nil, edits: byPath[path]!))
    }
    let renames = plan.moves.map { DocumentChange.rename(RenameFile(oldURI: uri(of: $0.from), newURI: uri(of: $0.to))) }
    return WorkspaceEdit(documentChanges: documentEdits + renames)
  }
}

extension Features {
  /// Plans `replacements` and `moves` on the pages' text as the editor holds it, through the one way changes are made
  /// (``EditorEdits`` → ``ChangePlan``), and turns the plan into the editor's edit. A refused plan (overlapping
  /// edits, a page that is not one, a rename onto an existing page) is a request failure.
  func edit(_ replacements: [EditorEdits.Replacement], moves: [PageMove] = []) throws(ResponseError) -> WorkspaceEdit {
    // An extension's upstream pages are read, never edited: an edit that would touch one is refused whole.
    if let upstream = workspace.kb.upstream,
      let path = (replacements.map(\.path) + moves.map(\.from)).first(where: upstream.isUpstreamFile)
    {
      throw ResponseError.failed(
        "the edit would change \(upstream.files[path] ?? path), upstream's page; change it upstream")
    }
    var pages: [String: [UInt8]] = [:]
    for path in Set(replacements.map(\.path) + moves.map(\.from)) {
      if let file = workspace.source(path) { pages[path] = file.bytes }
    }
    do {
      let request = try EditorEdits(
        folder: workspace.folder, pages: pages, replacements: replacements, moves: moves
      ).validated()
      return workspace.workspaceEdit(try EditorEdits.plan(request).verified())
    } catch {
      throw ResponseError.failed(error.description)
    }
  }
}
