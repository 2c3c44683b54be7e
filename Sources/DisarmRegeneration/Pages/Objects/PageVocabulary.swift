import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser

/// The words a regenerated page is written with: the page's own wherever it has them (its field labels, its table
/// header and delimiter lines, exactly as written), else its framework's (``FrameworkDescription``), else the
/// template's. Regenerating a DISARM 2026 page therefore writes `**Category**:` and `| Associated Assessment |`
/// where a DISARM 1.x page gets `**Tactic**:` and `| Associated Technique |`.
extension KnowledgeBase {
  /// The label of the field carrying `relation` (`tactic`, `phase`, `parent`, `metatechnique`): the page's own
  /// label when it has such a field (unless `keepingPageLabel` is false: a page migrated to another template takes
  /// that template's label), else `fallback` when the framework knows it, else the framework's first label.
  func label(_ relation: String, on page: ObjectPage, default fallback: String, keepingPageLabel: Bool = true)
    -> String
  {
    let keys = framework.fieldKeys(relation)
    if keepingPageLabel, let field = page.fields.first(where: { keys.contains($0.key) }) { return field.label }
    return defaultLabel(relation, fallback: fallback)
  }

  /// The label a page without the field gets: `fallback` (the template's) when the framework knows it, else the
  /// framework's first label for `relation` (`Category` in DISARM 2026).
  func defaultLabel(_ relation: String, fallback: String) -> String {
    let labels = framework.fieldLabels[relation] ?? []
    return labels.isEmpty || labels.contains(fallback) ? fallback : labels[0]
  }

  /// The value of the page's field carrying `relation`, exactly as written, or the empty string.
  func value(_ relation: String, on page: ObjectPage) -> String {
    page.value(ofAny: framework.fieldKeys(relation))
  }

  /// The field carrying `relation`, if the page has it.
  func field(_ relation: String, on page: ObjectPage) -> Field? {
    let keys = framework.fieldKeys(relation)
    return page.fields.first { keys.contains($0.key) }
  }

  /// The first-column header of the table `kind` in this framework: the description's (`tables:`), else DISARM's
  /// header with the framework's words for the kinds it names (`Moves`, `Associated Move`).
  func firstColumn(of kind: TableKind) -> String {
    if let header = framework.tableHeaders[kind.relation] { return header }
    func one(_ role: ObjectKind) -> String { words(role).title }
    func many(_ role: ObjectKind) -> String { words(role).pluralTitle }
    switch kind {
    case .tasks: return many(.task)
    case .techniques: return many(.technique)
    case .counters: return many(.counter)
    case .incidents: return one(.incident)
    case .associatedTechniques: return "Associated " + one(.technique)
    case .incidentTechniques: return one(.technique)
    case .countersTactics: return "Counters these " + many(.tactic)
    case .countersTechniques: return "Counters these " + many(.technique)
    case .seenInIncidents: return "Seen in " + words(.incident).plural
    case .references, .actorTypes: return kind.rawValue
    }
  }
}

extension KnowledgeBase {
  /// The table of `page` that carries `relation` (a framework description's `tables:` key: `actor-types`,
  /// `techniques-used`, `references`, `associated`, …), found by its first column's header in this framework.
  public func table(_ relation: String, on page: ObjectPage) -> MarkdownTable? {
    guard let kind = TableKind.allCases.first(where: { $0.relation == relation }) else { return nil }
    return page.table(firstColumn: firstColumn(of: kind))
  }
}

extension PageLines {
  /// A table of `kind` with `rows`: the page's own header and delimiter lines when it has the table, else the
  /// template's with the framework's first-column header.
  mutating func table(_ kind: TableKind, _ rows: [String], on page: ObjectPage, in kb: KnowledgeBase) {
    let first = kb.firstColumn(of: kind)
    if let table = page.table(firstColumn: first) {
      line(table.header.text)
      line(table.delimiter?.text ?? kind.delimiter)
    } else {
      line(kind.header(firstColumn: first))
      line(kind.delimiter)
    }
    // Derived rows are written with the page's own link style; owned rows keep their destinations as written.
    for row in kind.isDerived ? kb.inPageLinkStyle(rows, kind, on: page) : rows { line(row) }
  }
}

extension KnowledgeBase {
  /// Derived `rows` of the table `kind` written with `page`'s own link style (``linkPrefix(on:preferring:)``)
  /// rather than the framework's.
  func inPageLinkStyle(_ rows: [String], _ kind: TableKind, on page: ObjectPage) -> [String] {
    let prefix = linkPrefix(on: page, preferring: page.table(firstColumn: firstColumn(of: kind)))
    guard prefix != framework.linkPrefix else { return rows }
    let standard = "](" + framework.linkPrefix
    return rows.map { $0.replacingAll(standard, "](" + prefix) }
  }

  /// What the page's own links to object pages start with, before `<folder>/<ID>.md`: the first such link of
  /// `table`, else of any table on the page, else the framework's ``FrameworkDescription/linkPrefix``. Regenerated
  /// rows are written with it, so that a page from a one-day template variant (`../generated_pages/…`, one `..`)
  /// keeps its links as written (and `broken-link` reports them).
  func linkPrefix(on page: ObjectPage, preferring table: MarkdownTable?) -> String {
    // Runs for every derived table of every page regenerated: the tables are read in place (not gathered into a new
    // array) and each destination is tested on its bytes.
    if let table, let prefix = firstObjectLinkPrefix(in: table) { return prefix }
    for candidate in page.tables {
      if let prefix = firstObjectLinkPrefix(in: candidate) { return prefix }
    }
    return framework.linkPrefix
  }

  /// The prefix of the first link of `table` to an object page (``objectLinkPrefix(_:)``), if any.
  private func firstObjectLinkPrefix(in table: MarkdownTable) -> String? {
    for row in table.rows {
      for link in row.links {
        if let prefix = objectLinkPrefix(link.destination) { return prefix }
      }
    }
    return nil
  }

  /// The part of `destination` before `<folder>/<ID>.md` when it names an object page of a known kind folder.
  ///
  /// Read on the bytes: a destination not ending in `.md` or without a `/` names no object page. An ASCII one is
  /// cut at its `/` bytes, which are then its characters; any other is cut by characters as written
  /// (``objectLinkPrefix(characters:)``), where a `/` joined to a combining mark is no separator.
  private func objectLinkPrefix(_ destination: SourceText) -> String? {
    let bytes = destination.utf8
    let end = bytes.endIndex
    guard end - bytes.startIndex >= 3, bytes[end - 3] == UInt8(ascii: "."), bytes[end - 2] == UInt8(ascii: "m"),
      bytes[end - 1] == UInt8(ascii: "d"), let lastSlash = bytes.lastIndex(of: UInt8(ascii: "/"))
    else { return nil }
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return objectLinkPrefix(characters: destination.text) }
    let folderStart = bytes[..<lastSlash].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? bytes.startIndex
    guard let kind = framework.kind(linkFolder: String(decoding: bytes[folderStart..<lastSlash], as: UTF8.self)),
      id(String(decoding: bytes[(lastSlash + 1)..<(end - 3)], as: UTF8.self))?.kind == kind.role
    else { return nil }
    return String(decoding: bytes[..<folderStart], as: UTF8.self)
  }

  /// ``objectLinkPrefix(_:)`` for a destination with non-ASCII characters, split into characters.
  private func objectLinkPrefix(characters destination: String) -> String? {
    let parts = destination.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count >= 2, let file = parts.last, file.hasSuffix(".md"),
      let kind = framework.kind(linkFolder: String(parts[parts.count - 2])),
      id(String(file.dropLast(3)))?.kind == kind.role
    else { return nil }
    return String(destination.dropLast(file.count + parts[parts.count - 2].count + 1))
  }
}
