import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser
import DisarmRegeneration

/// Which objects the STIX and Navigator exports carry: every object of the knowledge base except stale pages
/// (objects the release's index no longer lists), in a fixed order.
public enum STIXSelection {
  /// Tactics grouped under their phases in phase order (`kb.tacticsInPhaseOrder`: the order of the `x-mitre-matrix`'s
  /// `tactic_refs`, hence of the Navigator's columns), then any live tactic the framework matrix does not show, by ID.
  public static func tactics(in kb: KnowledgeBase) -> [DisarmObject] {
    var seen = Set<DisarmID>()
    var result: [DisarmObject] = []
    for id in kb.tacticsInPhaseOrder {
      guard let tactic = kb[id], tactic.kind == .tactic, !tactic.isStale, seen.insert(id).inserted else { continue }
      result.append(tactic)
    }
    for tactic in live(.tactic, in: kb) where seen.insert(tactic.id).inserted { result.append(tactic) }
    return result
  }

  /// Live objects of one kind, by ID.
  public static func live(_ kind: ObjectKind, in kb: KnowledgeBase) -> [DisarmObject] {
    kb.objects(of: kind).filter { !$0.isStale }
  }

  /// Whether `id` names a live object.
  public static func isLive(_ id: DisarmID, in kb: KnowledgeBase) -> Bool { kb[id].map { !$0.isStale } ?? false }

  /// The live techniques an incident's Technique table names, each once, by ID, with the descriptions the table
  /// gives for the pair (several rows for one technique are joined by a blank line; empty ones are left out).
  public static func techniques(of incident: DisarmID, in kb: KnowledgeBase) -> [(id: DisarmID, description: String)] {
    var descriptions: [DisarmID: [String]] = [:]
    for relation in kb.outgoing(incident, .usesTechnique) where relation.isResolved && isLive(relation.target, in: kb) {
      let text = (relation.description ?? "").trimmingWhitespace()
      descriptions[relation.target, default: []] += text.isEmpty ? [] : [text]
    }
    return descriptions.keys.sorted().map { ($0, descriptions[$0]!.joined(separator: "\n\n")) }
  }
}
