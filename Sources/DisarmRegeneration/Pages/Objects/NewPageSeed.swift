import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// The first text of a page that does not exist yet: a new object's (`disarm new`) or one `disarm import` makes from a
/// spreadsheet row. It holds what the page owns (heading, fields, owned tables), written with the same labels and
/// headers the page renderers write, then the notes marker. The seed is read with the knowledge base and regenerated
/// like any page, which writes it in full: the template's other fields and tables, the derived names (the tactic's
/// and parent's), the derived tables.
public enum NewPageSeed {
  /// What the page owns.
  public struct Content: Sendable {
    public var id: DisarmID
    public var name: String
    public var summary: String
    /// The tactic a technique, task or counter belongs to.
    public var tactic: DisarmID?
    /// The phase a tactic belongs to.
    public var phase: DisarmID?
    /// Other owned fields by the key pages file them under (`metatechnique`, `resources needed`, `incident type`,
    /// `year started`, `countries`, `found via`, `date added`, `sector`, `viewpoint`), values exactly as written.
    public var fields: [String: String]
    /// Owned tables by relation name (`actor-types`, `counters-techniques`, `techniques-used`, `references`,
    /// `associated`, …), each the rows as written (`| [T0007 Name](../../generated_pages/techniques/T0007.md) |`).
    /// A table absent here is absent from the seed; an empty list writes the table without rows.
    public var tables: [String: [String]]
    /// The tactic field's text when it is not an identifier of the framework (kept as the spreadsheet wrote it).
    public var tacticText: String?
    /// The identifier as the heading writes it when that is not `id` itself: a spreadsheet row DISARM's generator
    /// wrote under its identifier cell's text (`T0039 `, or nothing for a row without one).
    public var writtenID: String?

    public init(
      id: DisarmID, name: String, summary: String, tactic: DisarmID?, phase: DisarmID?, fields: [String: String] = [:],
      tables: [String: [String]] = [:], tacticText: String? = nil
    ) {
      self.id = id
      self.name = name
      self.summary = summary
      self.tactic = tactic
      self.phase = phase
      self.fields = fields
      self.tables = tables
      self.tacticText = tacticText
    }
  }

  /// The seed page of `content` in `kb`'s framework and `template`.
  public static func text(_ content: Content, in kb: KnowledgeBase, template: KnowledgeBase.Template) -> String {
    let words = kb.words(content.id.kind)
    var lines = ["# \(words.heading ?? words.title) \(content.writtenID ?? content.id.string): \(content.name)", ""]
    func field(_ label: FieldLabel, _ value: String) { lines += [label.prefix + value, ""] }
    func owned(_ label: FieldLabel) { field(label, content.fields[label.key] ?? "") }
    func table(_ kind: TableKind) {
      guard let rows = content.tables[kind.relation] else { return }
      lines += [kind.header(firstColumn: kb.firstColumn(of: kind)), kind.delimiter] + rows + [""]
    }
    let tactic = content.tactic?.string ?? content.tacticText ?? ""
    switch content.id.kind {
    case .technique:
      if template == .generation2025 {
        field(TechniquePage.summary2025, content.summary)
        field(.plain(kb.defaultLabel("tactic", fallback: "Tactic")), tactic + " ")
        table(.associatedTechniques)
      } else {
        field(TechniquePage.summary2022, content.summary)
        field(.colonOutside(kb.defaultLabel("tactic", fallback: "Belongs to tactic stage")), tactic)
      }
    case .tactic:
      field(TacticPage.summary, content.summary)
      field(.colonInside(kb.defaultLabel("phase", fallback: "Belongs to phase")), content.phase?.string ?? "")
    case .task:
      field(TaskPage.summary, content.summary)
      field(.colonInside(kb.defaultLabel("tactic", fallback: "Belongs to tactic stage")), tactic)
    case .counter:
      field(CounterPage.fields[0], content.summary)
      for label in CounterPage.fields.dropFirst().dropLast() { owned(label) }
      if content.tactic != nil || content.tacticText != nil {
        field(.colonOutside(kb.defaultLabel("tactic", fallback: "Belongs to tactic stage")), tactic)
      }
      for kind in CounterPage.tables { table(kind) }
    case .incident:
      field(IncidentPage.fields[0], content.summary)
      for label in IncidentPage.fields.dropFirst() { owned(label) }
      if let source = content.fields[IncidentPage.importedFrom.key] { field(IncidentPage.importedFrom, source) }
      table(.references)
      table(.incidentTechniques)
    case .phase: field(PhasePage.summary, content.summary)
    case .actorType:
      field(ActorTypePage.summary, content.summary)
      owned(ActorTypePage.sector)
      owned(ActorTypePage.viewpoint)
    case .metatechnique: field(MetatechniquePage.summary, content.summary)
    case .responseType, .detection: break
    }
    lines.append(Notes.marker)
    return lines.joined(separator: "\n")
  }
}
