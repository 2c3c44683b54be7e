import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// The first text of a new object's page (`disarm new`): its heading and the fields it owns (summary, and the
/// tactic or phase it belongs to), written with the same labels the page renderers write, then the notes marker.
/// The seed is read with the knowledge base and regenerated like any page, which writes it in full: the template's
/// other fields and tables, the derived names (the tactic's and parent's), the derived tables.
public enum NewPageSeed {
  /// What the new object is given.
  public struct Content: Sendable {
    public var id: DisarmID
    public var name: String
    public var summary: String
    /// The tactic a technique, task or counter belongs to.
    public var tactic: DisarmID?
    /// The phase a tactic belongs to.
    public var phase: DisarmID?

    public init(id: DisarmID, name: String, summary: String, tactic: DisarmID?, phase: DisarmID?) {
      self.id = id
      self.name = name
      self.summary = summary
      self.tactic = tactic
      self.phase = phase
    }
  }

  /// The seed page of `content` in `kb`'s framework and `template`.
  public static func text(_ content: Content, in kb: KnowledgeBase, template: KnowledgeBase.Template) -> String {
    let words = kb.words(content.id.kind)
    var lines = ["# \(words.heading ?? words.title) \(content.id): \(content.name)", ""]
    func field(_ label: FieldLabel, _ value: String) { lines += [label.prefix + value, ""] }
    let tactic = content.tactic?.string ?? ""
    switch content.id.kind {
    case .technique:
      if template == .generation2025 {
        field(TechniquePage.summary2025, content.summary)
        field(.plain(kb.defaultLabel("tactic", fallback: "Tactic")), tactic + " ")
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
      if content.tactic != nil {
        field(.colonOutside(kb.defaultLabel("tactic", fallback: "Belongs to tactic stage")), tactic)
      }
    case .incident: field(IncidentPage.fields[0], content.summary)
    case .phase: field(PhasePage.summary, content.summary)
    case .actorType: field(ActorTypePage.summary, content.summary)
    case .metatechnique: field(MetatechniquePage.summary, content.summary)
    case .responseType, .detection: break
    }
    lines.append(Notes.marker)
    return lines.joined(separator: "\n")
  }
}
