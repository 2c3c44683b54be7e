import DisarmBrowsing
import DisarmDiagnostics
import DisarmEditing
import DisarmFramework
import DisarmLint
import DisarmModel
import DisarmParser
import Foundation

/// The requests an editor makes about identifiers: hover, go to definition, references, completion, symbols, code
/// actions and renames. Each reads the workspace's current model; none changes it (edits go back to the editor).
struct Features {
  let workspace: Workspace
  var kb: KnowledgeBase { workspace.kb }

  /// The page a request is about, and its text.
  func page(_ document: TextDocumentIdentifier) throws(ResponseError) -> (path: String, file: SourceFile) {
    guard let path = workspace.path(of: document.uri) else {
      throw ResponseError.failed("\(document.uri) is outside the knowledge base")
    }
    guard let file = workspace.source(path) else { throw ResponseError.failed("\(document.uri) cannot be read") }
    return (path, file)
  }

  /// The page and byte offset a request is about.
  func target(_ params: TextDocumentPositionParams) throws(ResponseError) -> (
    path: String, file: SourceFile, offset: Int
  ) {
    let (path, file) = try page(params.textDocument)
    return (path, file, params.position.offset(in: file))
  }

  /// The identifier written at `offset`: the run of letters, digits and dots around it (`T0151.008` in
  /// `[T0151.008 Name](…)`, `T0151.008:`, or `techniques/T0151.008.md`), with its byte range.
  static func word(at offset: Int, in file: SourceFile) -> (text: String, range: Range<Int>)? {
    let bytes = file.bytes
    var start = min(offset, bytes.count)
    var end = start
    while start > 0, isIdentifierByte(bytes[start - 1]) { start -= 1 }
    while end < bytes.count, isIdentifierByte(bytes[end]) { end += 1 }
    guard start < end else { return nil }
    var text = String(decoding: bytes[start..<end], as: UTF8.self)
    if text.hasSuffix(".md") { text = String(text.dropLast(3)) }
    while text.hasSuffix(".") { text.removeLast() }
    return (text, start..<(start + text.utf8.count))
  }

  /// A letter, digit or dot: the bytes an identifier is written with.
  static func isIdentifierByte(_ byte: UInt8) -> Bool {
    (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 46
  }

  /// The object named at the request's position.
  func object(_ params: TextDocumentPositionParams) throws(ResponseError) -> (
    DisarmID, Range<Int>, (path: String, file: SourceFile, offset: Int)
  )? {
    let place = try target(params)
    guard let word = Self.word(at: place.offset, in: place.file), let id = kb.id(word.text) else { return nil }
    return (id, word.range, place)
  }

  // MARK: Hover

  func hover(_ params: TextDocumentPositionParams) throws(ResponseError) -> Hover? {
    guard let (id, range, place) = try object(params) else { return nil }
    return Hover(
      contents: MarkupContent(markdown: description(of: id).joined(separator: "\n\n")),
      range: TextRange(range, in: place.file))
  }

  /// What hovering an identifier shows, paragraph by paragraph: the object's kind, identifier and name, its tactic,
  /// parent and phase, the first lines of its summary; for a retired identifier what replaces it; for a stale or
  /// unknown one, that it is.
  func description(of id: DisarmID) -> [String] {
    let words = kb.words(id.kind)
    var lines: [String] = []
    if let object = kb[id], !object.isStale {
      lines.append("**\(words.title) \(id): \(object.name)**")
      for (relation, role) in [(RelationKind.tactic, ObjectKind.tactic), (.parent, .technique), (.phase, .phase)] {
        guard let target = kb.outgoing(id, relation).first?.target else { continue }
        let name = kb[target]?.name ?? ""
        let label = relation == .parent ? "Parent \(kb.words(role).singular)" : kb.words(role).title
        lines.append("\(label): \(target) \(name)")
      }
      if let summary = object.summary?.text, !summary.isEmpty {
        let short = summary.count > 400 ? String(summary.prefix(400)) + "…" : summary
        lines.append("")
        lines.append(short.replacingOccurrences(of: "<br>", with: " "))
      }
    } else if let entry = kb.register.entries.first(where: { $0.id == id }) {
      lines.append("**\(words.title) \(id)\(entry.name.map { ": \($0)" } ?? "")** — retired")
      if let replacement = entry.replacedBy {
        lines.append("Replaced by \(replacement)\(kb[replacement].map { " \($0.name)" } ?? "")")
      }
      if let reason = entry.reason { lines.append(reason) }
    } else if let object = kb[id] {
      lines.append("**\(words.title) \(id): \(object.name)** — stale: the \(words.singular) index does not list it")
    } else {
      lines.append("**\(id)**: no such \(words.singular) in this knowledge base")
    }
    return lines
  }

  // MARK: Definition and references

  /// The location of an object's heading.
  func location(of id: DisarmID) -> Location? {
    guard let page = kb[id]?.page else { return nil }
    let range = page.heading?.line.offsets ?? 0..<0
    return Location(
      uri: workspace.uri(of: page.path), range: TextRange(range, in: workspace.source(page.path) ?? page.file))
  }

  func definition(_ params: TextDocumentPositionParams) throws(ResponseError) -> Location? {
    guard let (id, _, _) = try object(params) else { return nil }
    return location(of: id)
  }

  /// Every place an identifier is written, in every page (open pages as the editor has them).
  func mentions(of id: DisarmID) -> [(path: String, file: SourceFile, range: Range<Int>)] {
    let needle = Array(id.string.utf8)
    var found: [(String, SourceFile, Range<Int>)] = []
    for path in workspace.allPaths.sorted() {
      guard let file = workspace.source(path) else { continue }
      let bytes = file.bytes
      var index = 0
      while index + needle.count <= bytes.count {
        if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) {
          let before = index > 0 ? bytes[index - 1] : 32
          let after = index + needle.count < bytes.count ? bytes[index + needle.count] : 32
          let afterNext = index + needle.count + 1 < bytes.count ? bytes[index + needle.count + 1] : 32
          let continues = (after >= 48 && after <= 57) || (after == 46 && afterNext >= 48 && afterNext <= 57)
          let isLetterBefore =
            (before >= 65 && before <= 90) || (before >= 97 && before <= 122) || (before >= 48 && before <= 57)
          if !continues && !isLetterBefore { found.append((path, file, index..<(index + needle.count))) }
          index += needle.count
        } else {
          index += 1
        }
      }
    }
    return found
  }

  func references(_ params: TextDocumentPositionParams) throws(ResponseError) -> [Location] {
    guard let (id, _, _) = try object(params) else { return [] }
    return mentions(of: id).map { Location(uri: workspace.uri(of: $0.path), range: TextRange($0.range, in: $0.file)) }
  }

  // MARK: Completion

  func completion(_ params: TextDocumentPositionParams) throws(ResponseError) -> CompletionList {
    let place = try target(params)
    return completion(in: place.file, at: place.offset, pageForms: true)
  }

  /// The identifiers that start with the one being typed before `offset`. With `pageForms`, each is written the way
  /// its place in a page needs (a link in a table row, the bare identifier after a field label, else `ID: Name`);
  /// without (a report), always `ID: Name`.
  func completion(in file: SourceFile, at offset: Int, pageForms: Bool) -> CompletionList {
    let bytes = file.bytes
    var start = offset
    while start > 0, Self.isIdentifierByte(bytes[start - 1]) { start -= 1 }
    let prefix = String(decoding: bytes[start..<offset], as: UTF8.self).uppercased()
    guard let first = prefix.first, first.isLetter else { return CompletionList(isIncomplete: false, items: []) }
    let line = file.position(at: offset).line
    let lineStart = file.lineStart(line)
    let before = String(decoding: bytes[lineStart..<start], as: UTF8.self)
    let inTableRow = pageForms && before.trimmingCharacters(in: .whitespaces).hasPrefix("|")
    let inField =
      pageForms
      && (before.hasSuffix("**: ") || before.hasSuffix(":** ") || before.hasSuffix(": ") && before.contains("**"))
    let range = TextRange(start..<offset, in: file)
    let objects = kb.objects.values.filter { !$0.isStale && $0.id.string.hasPrefix(prefix) }.sorted { $0.id < $1.id }
    let items = objects.prefix(200).map { object in
      let words = kb.words(object.kind)
      let insert: String
      if inField {
        insert = object.id.string
      } else if inTableRow, let folder = words.folder {
        insert = "[\(object.id) \(object.name)](\(kb.framework.linkPrefix)\(folder)/\(object.id).md)"
      } else {
        insert = "\(object.id): \(object.name)"
      }
      return CompletionItem(
        label: object.id.string, detail: "\(words.title): \(object.name)", kind: .reference,
        filterText: object.id.string, sortText: object.id.string, textEdit: TextEdit(range: range, newText: insert))
    }
    return CompletionList(isIncomplete: objects.count > 200, items: items)
  }

  // MARK: Symbols

  func documentSymbols(_ params: DocumentSymbolParams) throws(ResponseError) -> [DocumentSymbol] {
    let place = try page(params.textDocument)
    let page = PageParser.parse(
      path: place.path, kind: kind(of: place.path), bytes: place.file.bytes, framework: kb.framework)
    let file = place.file
    func symbol(_ name: String, _ kind: SymbolKind, _ range: Range<Int>, _ children: [DocumentSymbol] = [])
      -> DocumentSymbol
    {
      let lsp = TextRange(range, in: file)
      return DocumentSymbol(
        name: name.isEmpty ? "(empty)" : name, kind: kind, range: lsp, selectionRange: lsp, children: children)
    }
    var children = page.fields.map { field in
      symbol(field.label, .field, field.start.offset..<field.value.offsets.upperBound)
    }
    for table in page.tables {
      let rows = table.rows.map { row in
        let name = row.links.first?.text.text ?? row.cells.first?.text ?? ""
        return symbol(name, .variable, row.source.offsets)
      }
      let end = table.rows.last?.source.offsets.upperBound ?? table.header.offsets.upperBound
      children.append(symbol(table.columns.first ?? "table", .array, table.header.offsets.lowerBound..<end, rows))
    }
    if let heading = page.heading {
      return [
        symbol(
          heading.line.text.trimmingCharacters(in: CharacterSet(charactersIn: "# ")), .class,
          0..<(page.notes?.markerOffset ?? file.bytes.count), children)
      ]
    }
    return children
  }

  func kind(of path: String) -> ObjectKind {
    let folder = path.split(separator: "/").first.map(String.init) ?? ""
    return kb.framework.kind(folder: folder)?.role ?? .technique
  }

  func workspaceSymbols(_ params: WorkspaceSymbolParams) -> [SymbolInformation] {
    let query = params.query
    let objects: [DisarmObject]
    if query.trimmingCharacters(in: .whitespaces).isEmpty {
      objects = kb.orderedObjects.filter { !$0.isStale }.prefix(200).map { $0 }
    } else {
      // Identifiers that start with the query first (`T0151.` lists the sub-techniques), then the search's hits.
      let prefix = query.trimmingCharacters(in: .whitespaces).uppercased()
      let byIdentifier = kb.objects.values.filter { !$0.isStale && $0.id.string.hasPrefix(prefix) }.sorted {
        $0.id < $1.id
      }
      let listed = Set(byIdentifier.map(\.id))
      objects =
        Array(byIdentifier.prefix(100))
        + SearchIndex(kb).search(query, limit: 100).map(\.object).filter { !listed.contains($0.id) }
    }
    return objects.compactMap { object in
      guard let location = location(of: object.id) else { return nil }
      return SymbolInformation(
        name: "\(object.id) \(object.name)", kind: .class, location: location,
        containerName: kb.words(object.kind).title)
    }
  }

  // MARK: Code actions

  /// The fix-its of the findings in range, and for a page whose derived content is out of date or whose names
  /// differ from their headings, the page regenerated (derived tables and names recomputed, the notes kept byte for
  /// byte, as `disarm build --write` would write it).
  func codeActions(_ params: CodeActionParams) throws(ResponseError) -> [CodeAction] {
    let place = try page(params.textDocument)
    var actions: [CodeAction] = []
    for finding in workspace.findings[place.path] ?? [] {
      let lsp = LSPDiagnostic(finding, in: place.file, workspace: workspace)
      for fix in finding.fixIts {
        let fixed = EditorEdits.Replacement(path: place.path, range: fix.range.offsets, text: fix.replacement)
        actions.append(CodeAction(title: fix.message, diagnostics: [lsp], edit: try edit([fixed])))
      }
    }
    let findings = (workspace.findings[place.path] ?? []).filter {
      RuleRegistry.rule($0.rule)?.description.fixedByRegenerating == true
    }
    if !findings.isEmpty, let bytes = workspace.regenerated[place.path] {
      let whole = EditorEdits.Replacement(
        path: place.path, range: 0..<place.file.bytes.count, text: String(decoding: bytes, as: UTF8.self))
      actions.append(
        CodeAction(
          title: "Regenerate this page's derived content (notes kept)",
          diagnostics: findings.map { LSPDiagnostic($0, in: place.file, workspace: workspace) },
          edit: try edit([whole]), isPreferred: true))
    }
    return actions
  }

  // MARK: Rename

  /// Where the notes of a page begin: nothing at or after it is ever edited.
  func notesStart(_ file: SourceFile) -> Int {
    let marker = Array(Notes.marker.utf8)
    let bytes = file.bytes
    var index = 0
    while index + marker.count <= bytes.count {
      if bytes[index] == marker[0], bytes[index..<(index + marker.count)].elementsEqual(marker) { return index }
      index += 1
    }
    return bytes.count
  }

  func prepareRename(_ params: TextDocumentPositionParams) throws(ResponseError) -> PrepareRenameResult {
    guard let (id, range, place) = try object(params) else {
      throw ResponseError.failed("place the cursor on an identifier to rename the object's name")
    }
    guard range.lowerBound < notesStart(place.file) else {
      throw ResponseError.failed("this mention is in the page's notes, which disarm never edits")
    }
    guard let object = kb[id], object.page != nil else {
      throw ResponseError.failed("\(id) has no page in this knowledge base")
    }
    if kb.origin(of: id) == .upstream {
      throw ResponseError.failed(
        "\(id) is upstream's (\(kb.upstream?.label ?? "")): this knowledge base holds only its own objects; "
          + "rename it upstream")
    }
    return PrepareRenameResult(range: TextRange(range, in: place.file), placeholder: object.name)
  }

  /// Renames an object's name: its heading, the name after every link to it (`[T0151.008 Name](…)`) and after every
  /// inline mention (`T0151.008: Name`), on every page, above the notes only.
  func rename(_ params: RenameParams) throws(ResponseError) -> WorkspaceEdit? {
    _ = try prepareRename(params.place)
    guard let (id, _, _) = try object(params.place), let object = kb[id], let page = object.page else { return nil }
    let name = params.newName.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty, !name.contains("\n"), !name.contains("]"), !name.contains("|") else {
      throw ResponseError.failed("a name is one line without ']' or '|'")
    }
    if let newID = kb.id(name) { return try renameIdentifier(id, to: newID, page: page) }
    let old = object.name
    var edits: [EditorEdits.Replacement] = []
    if let heading = page.heading?.name {
      edits.append(EditorEdits.Replacement(path: page.path, range: heading.offsets, text: name))
    }
    let oldBytes = Array(old.utf8)
    for mention in mentions(of: id) where mention.range.lowerBound < notesStart(mention.file) {
      let bytes = mention.file.bytes
      // `[ID Old Name]` or `ID: Old Name`: the old name right after one space or `: `.
      for separator in [[UInt8](" ".utf8), [UInt8](": ".utf8)] {
        let start = mention.range.upperBound + separator.count
        guard start + oldBytes.count <= bytes.count, bytes[mention.range.upperBound..<start].elementsEqual(separator),
          bytes[start..<(start + oldBytes.count)].elementsEqual(oldBytes)
        else { continue }
        if mention.path == page.path, let heading = page.heading?.name, heading.offsets.lowerBound == start { continue }
        edits.append(EditorEdits.Replacement(path: mention.path, range: start..<(start + oldBytes.count), text: name))
        break
      }
    }
    return try edit(edits)
  }

  /// Renames an identifier: every mention above the notes (headings, links, inline codes, index rows, file names in
  /// links) and the page's file, as one workspace edit. Refused when the new identifier is of another kind, is taken
  /// (live, stale or retired), or is not one the framework can write.
  func renameIdentifier(_ id: DisarmID, to newID: DisarmID, page: ObjectPage) throws(ResponseError) -> WorkspaceEdit {
    let failed = ResponseError.failed
    guard newID.kind == id.kind else {
      throw failed("\(newID) is \(kb.words(newID.kind).withArticle), not \(kb.words(id.kind).withArticle)")
    }
    guard newID != id else { throw failed("\(id) is already its identifier") }
    if kb[newID] != nil || kb.register.entries.contains(where: { $0.id == newID }) {
      throw failed(
        "\(newID) is taken (a page or the register of retired identifiers has it); disarm new picks a free one")
    }
    if newID.parentTechnique != id.parentTechnique {
      throw failed("a sub-technique keeps its parent: \(newID) would move \(id) under another technique")
    }
    let edits = mentions(of: id).filter { $0.range.lowerBound < notesStart($0.file) }.map {
      EditorEdits.Replacement(path: $0.path, range: $0.range, text: newID.string)
    }
    let folder = (page.path as NSString).deletingLastPathComponent
    let newPath = folder.isEmpty ? "\(newID).md" : "\(folder)/\(newID).md"
    return try edit(edits, moves: [PageMove(from: page.path, to: newPath)])
  }
}
