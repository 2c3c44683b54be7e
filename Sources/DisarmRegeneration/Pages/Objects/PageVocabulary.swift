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
    for row in rows { line(row) }
  }
}
