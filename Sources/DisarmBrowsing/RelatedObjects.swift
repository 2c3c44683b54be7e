import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser

/// A group of objects related to one object, as `disarm show` lists them: "Incidents", "Sub-techniques", …
public struct RelatedGroup: Sendable {
  /// One related object, with the text given for the pair (an incident's description for a technique).
  public struct Entry: Sendable {
    /// Kept even when no such object exists, so that `disarm show` prints a dangling link rather than hiding it.
    public var id: DisarmID
    /// The object's name, or nil when it does not exist.
    public var name: String?
    /// The text the pages give for the pair, markup and all; several rows of one incident are joined by a blank line.
    public var description: String?
    /// A short remark (`D03`, `listed only on this page`).
    public var remark: String?
  }

  /// Stable key for JSON (`incidents`, `subtechniques`).
  public var key: String
  /// Title for people (`Incidents`).
  public var title: String
  /// Never empty (a group without objects is left out); in identifier order, or page order for what the object's own
  /// page lists.
  public var entries: [Entry]
}

extension KnowledgeBase {
  /// Everything the knowledge base relates to `id`, grouped for display, in a fixed order per kind.
  public func relatedGroups(of id: DisarmID) -> [RelatedGroup] {
    var groups: [RelatedGroup] = []
    func entry(_ target: DisarmID, description: String? = nil, remark: String? = nil) -> RelatedGroup.Entry {
      RelatedGroup.Entry(id: target, name: self[target]?.name, description: description, remark: remark)
    }
    // Group titles in the framework's words ("Category", "Assessments" in DISARM 2026).
    func one(_ role: ObjectKind) -> String { words(role).title }
    func many(_ role: ObjectKind) -> String { words(role).pluralTitle }
    func add(_ key: String, _ title: String, _ entries: [RelatedGroup.Entry]) {
      if !entries.isEmpty { groups.append(RelatedGroup(key: key, title: title, entries: entries)) }
    }
    func responseType(_ counter: DisarmID) -> String? { outgoing(counter, .responseType).first?.target.string }
    func incomingSources(_ kind: RelationKind, of sourceKind: ObjectKind? = nil) -> [DisarmID] {
      var seen = Set<DisarmID>()
      return incoming(id, kind).map(\.source).filter {
        (sourceKind == nil || $0.kind == sourceKind) && seen.insert($0).inserted
      }
      .filter { self[$0]?.isStale != true }.sorted()
    }

    switch id.kind {
    case .technique:
      if let tactic = tactic(of: id) {
        let phase = outgoing(tactic, .phase).first?.target
        add(
          "tactic", one(.tactic),
          [
            entry(
              tactic, remark: phase.map { "\(words(.phase).singular) \($0)\(self[$0].map { " " + $0.name } ?? "")" })
          ])
      }
      if let parent = outgoing(id, .parent).first?.target {
        add("parent", "Parent \(words(.technique).singular)", [entry(parent)])
      }
      add(
        "subtechniques", "Sub-techniques", subtechniques(of: id).filter { self[$0]?.isStale != true }.map { entry($0) })
      add(
        "associatedTechniques", "Associated techniques",
        outgoing(id, .associatedTechnique).map { entry($0.target, description: $0.description) })
      add("incidents", "Incidents", incidentEntries(for: id))
      add(
        "counters", "Counters",
        incomingSources(.countersTechnique).map { entry($0, remark: responseType($0)) })
    case .tactic:
      if let phase = outgoing(id, .phase).first?.target { add("phase", one(.phase), [entry(phase)]) }
      add("tasks", many(.task), incomingSources(.tactic, of: .task).map { entry($0) })
      add("techniques", many(.technique), incomingSources(.tactic, of: .technique).map { entry($0) })
      let counters = Set(incomingSources(.tactic, of: .counter) + incomingSources(.countersTactic)).sorted()
      add("counters", "Counters", counters.map { entry($0, remark: responseType($0)) })
    case .phase:
      add("tactics", many(.tactic), incomingSources(.phase).map { entry($0) })
    case .task:
      if let tactic = tactic(of: id) { add("tactic", one(.tactic), [entry(tactic)]) }
    case .incident:
      add(
        "techniques", "Techniques", outgoing(id, .usesTechnique).map { entry($0.target, description: $0.description) })
      add("counters", "Counters seen", incomingSources(.seenInIncident).map { entry($0) })
    case .counter, .detection:
      if let tactic = tactic(of: id) { add("tactic", one(.tactic), [entry(tactic)]) }
      add("metatechniques", "Metatechnique", outgoing(id, .metatechnique).map { entry($0.target) })
      add("responseType", "Response type", outgoing(id, .responseType).prefix(1).map { entry($0.target) })
      add(
        "actorTypes", "Actor types",
        outgoing(id, .actorType).map { entry($0.target, remark: $0.description.map { "sectors \($0)" }) })
      add(
        "counteredTactics", "Counters these \(words(.tactic).plural)",
        outgoing(id, .countersTactic).map { entry($0.target) })
      add(
        "counteredTechniques", "Counters these \(words(.technique).plural)",
        outgoing(id, .countersTechnique).map { entry($0.target) })
      add("incidents", "Seen in incidents", outgoing(id, .seenInIncident).map { entry($0.target) })
    case .actorType:
      add("counters", "Counters", incomingSources(.actorType).map { entry($0, remark: responseType($0)) })
    case .metatechnique:
      add(
        "counters", "Counters",
        incomingSources(.metatechnique, of: .counter).map { entry($0, remark: responseType($0)) })
      add("detections", "Detections", incomingSources(.metatechnique, of: .detection).map { entry($0) })
    case .responseType:
      add("counters", "Counters", incomingSources(.responseType, of: .counter).map { entry($0) })
      add("detections", "Detections", incomingSources(.responseType, of: .detection).map { entry($0) })
    }
    return groups
  }

  /// A technique's incidents: every incident page row naming it (descriptions of one incident joined), plus rows
  /// that only the technique's own page lists (drift the reader should see, not lose).
  func incidentEntries(for technique: DisarmID) -> [RelatedGroup.Entry] {
    var descriptions: [DisarmID: [String]] = [:]
    for relation in incoming(technique, .usesTechnique) where self[relation.source]?.isStale != true {
      descriptions[relation.source, default: []].append(relation.description ?? "")
    }
    var entries = descriptions.keys.sorted().map { incident in
      RelatedGroup.Entry(
        id: incident, name: self[incident]?.name, description: descriptions[incident]!.joined(separator: "\n\n"),
        remark: nil)
    }
    if let table = self[technique]?.page?.table(firstColumn: "Incident") {
      for row in table.rows {
        guard let stem = row.links.first?.targetFileStem, let incident = id(stem), descriptions[incident] == nil
        else { continue }
        descriptions[incident] = []
        entries.append(
          RelatedGroup.Entry(
            id: incident, name: self[incident]?.name, description: row.text(fromCell: 1),
            remark: "listed only on this page; the incident page does not name this technique"))
      }
    }
    return entries
  }
}
