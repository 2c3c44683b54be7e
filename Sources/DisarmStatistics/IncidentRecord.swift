import DisarmFramework
import DisarmModel
import DisarmParser

/// What the statistics read from one live incident: the techniques its technique table names and the values of its
/// fields. Counts come from the linked model, so they are the counts every other output shows: a technique counts once
/// per incident however many rows name it, only rows whose technique exists and is live count, and stale incident
/// pages (ones the incidents index no longer lists) are not incidents.
public struct IncidentRecord: Sendable, Equatable {
  /// The incident.
  public let id: DisarmID
  /// Its name as the page's heading gives it.
  public let name: String
  /// The live techniques its technique table names, each once, by identifier. A sub-technique counts as itself and
  /// does not add to its parent.
  public let techniques: [DisarmID]
  /// The values of each field (by lookup key, `countries`), split where the field holds a list and normalised
  /// (``IncidentField/values(of:key:)``).
  public let facts: [String: [String]]
  /// The year the incident started, when its `Year started` field (or another field whose label has `year`) holds one.
  public let year: Int?

  public init(id: DisarmID, name: String, techniques: [DisarmID], facts: [String: [String]] = [:], year: Int? = nil) {
    self.id = id
    self.name = name
    self.techniques = techniques
    self.facts = facts
    self.year = year
  }

  /// Every live incident of `kb`, by identifier.
  public static func all(in kb: KnowledgeBase) -> [IncidentRecord] {
    kb.objects(of: .incident).filter { !$0.isStale }.map { record(of: $0, in: kb) }
  }

  /// The record of one incident.
  public static func record(of incident: DisarmObject, in kb: KnowledgeBase) -> IncidentRecord {
    var techniques = Set<DisarmID>()
    for relation in kb.outgoing(incident.id, .usesTechnique) where relation.isResolved {
      if let target = kb[relation.target], !target.isStale, target.kind == .technique {
        techniques.insert(target.id)
      }
    }
    var facts: [String: [String]] = [:]
    for field in incident.fields where !IncidentField.ignoredKeys.contains(field.key) {
      let values = IncidentField.values(of: field.value.text, key: field.key)
      if facts[field.key] == nil { facts[field.key] = values }
    }
    let yearKey =
      facts.keys.sorted().first { $0 == IncidentField.yearKey } ?? facts.keys.sorted().first { $0.contains("year") }
    let year = yearKey.flatMap { facts[$0]?.first }.flatMap { Int($0) }
    return IncidentRecord(
      id: incident.id, name: incident.name, techniques: techniques.sorted(), facts: facts, year: year)
  }
}
