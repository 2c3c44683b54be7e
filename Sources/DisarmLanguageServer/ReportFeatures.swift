import DisarmDiagnostics
import DisarmModel
import DisarmReports

/// The requests an editor makes about a report (a Markdown file of the workspace that is not a page of a knowledge
/// base): hover and go to definition on a mention (an identifier, with or without its name, or a name alone),
/// references, completion of identifiers, and quick fixes that write a mention's name after a bare identifier,
/// correct a name that is not the object's, or replace a retired identifier.
///
/// A report is not a page: its edits are text edits of the report alone, answered to the editor; they never reach a
/// page of the knowledge base (whose changes all go through DisarmEditing's one writer).
struct ReportFeatures {
  let report: TaggedReport
  var workspace: Workspace { report.workspace }
  /// The page features of the knowledge base the report is tagged against, for what reads the model alike.
  var pages: Features { Features(workspace: workspace) }

  /// The mention at the request's position.
  func mention(_ params: TextDocumentPositionParams) -> Mention? {
    report.mention(at: params.position.offset(in: report.file))
  }

  // MARK: Hover, definition, references, completion

  /// What a page's hover shows of the object, with what the report says of it: how it was found, the name written
  /// when it is not the object's, the nearest identifiers of one that does not exist.
  func hover(_ params: TextDocumentPositionParams) -> Hover? {
    guard let mention = mention(params) else { return nil }
    let kb = workspace.kb
    var lines = pages.description(of: mention.id)
    if case .unknown(let found) = mention.status {
      // Beyond the findings shown, the tagging left them out: worked out for this hover.
      let nearest = found.isEmpty ? Tagger.nearest(to: mention.id, in: kb) : found
      if !nearest.isEmpty {
        lines.append("Nearest: " + nearest.map { "\($0)\(kb[$0].map { " \($0.name)" } ?? "")" }.joined(separator: "; "))
      }
    }
    if mention.nameAgrees == false, let written = report.writtenName(of: mention) {
      lines.append("Written here as '\(written.text)'")
    }
    switch mention.method {
    case .identifier: break
    case .name: lines.append("Named here without its identifier")
    case .fuzzy(let score): lines.append("A close match of its name (score \(score))")
    }
    let end = mention.writtenNameRange?.upperBound ?? mention.range.upperBound
    return Hover(
      contents: MarkupContent(markdown: lines.joined(separator: "\n\n")),
      range: TextRange(mention.range.lowerBound..<end, in: report.file))
  }

  /// The heading of the mentioned object's page.
  func definition(_ params: TextDocumentPositionParams) -> Location? {
    mention(params).flatMap { pages.location(of: $0.id) }
  }

  /// The mentions of the object in this report, then every place a page writes its identifier.
  func references(_ params: TextDocumentPositionParams) -> [Location] {
    guard let mention = mention(params) else { return [] }
    let here = report.mentions.filter { $0.id == mention.id }.map {
      Location(uri: report.uri, range: TextRange($0.range, in: report.file))
    }
    return here
      + pages.mentions(of: mention.id).map {
        Location(uri: workspace.uri(of: $0.path), range: TextRange($0.range, in: $0.file))
      }
  }

  /// The identifiers that start with the one being typed, each written `ID: Name` (as `disarm tag` checks it).
  func completion(_ params: TextDocumentPositionParams) -> CompletionList {
    pages.completion(in: report.file, at: params.position.offset(in: report.file), pageForms: false)
  }

  // MARK: Code actions

  /// The quick fixes of the identifiers the requested range touches (all of them without a range).
  func codeActions(_ params: CodeActionParams) -> [CodeAction] {
    let file = report.file
    let selected = params.range.map { range in
      let start = range.start.offset(in: file)
      return start...max(start, range.end.offset(in: file))
    }
    return report.mentions.compactMap { mention in
      guard mention.method == .identifier else { return nil }
      let extent = mention.range.lowerBound...(mention.writtenNameRange?.upperBound ?? mention.range.upperBound)
      if let selected, !selected.overlaps(extent) { return nil }
      return action(for: mention)
    }
  }

  /// The fix of one identifier mention: its name inserted after it when it is bare, its name written instead of one
  /// that is not the object's, or a retired identifier (and the name written after it) replaced by its replacement.
  func action(for mention: Mention) -> CodeAction? {
    let diagnostics = ReportDiagnostics.diagnostic(for: mention, in: report).map { [$0] } ?? []
    switch mention.status {
    case .current:
      guard let name = mention.name else { return nil }
      if mention.writtenName == nil {
        return CodeAction(
          title: "Insert the name: \(mention.id): \(name)", diagnostics: diagnostics,
          edit: edit([(afterBareIdentifier(mention), ": \(name)")]))
      }
      guard mention.nameAgrees == false, let written = report.writtenName(of: mention) else { return nil }
      return CodeAction(
        title: "Write \(mention.id)'s name: \(name)", diagnostics: diagnostics, edit: edit([(written.range, name)]),
        isPreferred: true)
    case .retired(let replacement?):
      let name = workspace.kb[replacement]?.name
      var edits = [(mention.range, replacement.string)]
      if let written = report.writtenName(of: mention), let name { edits.append((written.range, name)) }
      return CodeAction(
        title: "Replace with \(replacement)\(name.map { ": \($0)" } ?? "")", diagnostics: diagnostics,
        edit: edit(edits), isPreferred: true)
    case .retired, .unknown:
      return nil
    }
  }

  /// Where `: Name` goes after a bare identifier: right after it, over a colon already written there with nothing
  /// after it but spaces (`T0151.008:` at a line's end becomes `T0151.008: Name`, not `T0151.008: Name:`).
  func afterBareIdentifier(_ mention: Mention) -> Range<Int> {
    let bytes = report.file.bytes
    let start = mention.range.upperBound
    var end = start
    guard end < bytes.count, bytes[end] == UInt8(ascii: ":") else { return start..<start }
    end += 1
    while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
    let atLineEnd = end == bytes.count || bytes[end] == UInt8(ascii: "\n") || bytes[end] == UInt8(ascii: "\r")
    return atLineEnd ? start..<end : start..<start
  }

  /// Byte replacements in the report as the editor's edit: the report's URI alone.
  func edit(_ replacements: [(range: Range<Int>, text: String)]) -> WorkspaceEdit {
    WorkspaceEdit(changes: [
      report.uri: replacements.map { TextEdit(range: TextRange($0.range, in: report.file), newText: $0.text) }
    ])
  }
}
