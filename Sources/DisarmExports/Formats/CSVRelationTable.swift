import DisarmDiagnostics
import DisarmModel
import DisarmParser
import DisarmRegeneration

/// The table of one kind of relation in the CSV export (`incident_techniques.csv`): one row per relation between
/// two live objects, with a third column for the text the owning page gives for the pair, where that kind of
/// relation has one (an incident's description of how it used a technique, a counter's actor-type sectors).
public struct CSVRelationTable: Sendable, Equatable {
  /// The relation kind whose relations fill the table; each kind has exactly one.
  public var kind: RelationKind
  /// The file name.
  public var name: String
  /// The headers of the source and target columns.
  public var source: String
  /// The header of the target column, named after the one kind it holds (`technique`, `response_type`).
  public var target: String
  /// The header of the description column, for relations that carry one.
  public var description: String?

  /// The table of every relation kind, in ``RelationKind`` order. A column that can hold objects of several kinds is
  /// called `object`.
  public static let all: [CSVRelationTable] = RelationKind.allCases.map(table(for:))

  /// The table for one relation kind.
  public static func table(for kind: RelationKind) -> CSVRelationTable {
    switch kind {
    case .tactic: CSVRelationTable(kind: kind, name: "object_tactics.csv", source: "object", target: "tactic")
    case .phase: CSVRelationTable(kind: kind, name: "tactic_phases.csv", source: "tactic", target: "phase")
    case .parent:
      CSVRelationTable(kind: kind, name: "technique_parents.csv", source: "technique", target: "parent_technique")
    case .usesTechnique:
      CSVRelationTable(
        kind: kind, name: "incident_techniques.csv", source: "incident", target: "technique",
        description: "description")
    case .associatedTechnique:
      CSVRelationTable(
        kind: kind, name: "technique_associated_techniques.csv", source: "technique", target: "associated_technique",
        description: "description")
    case .countersTechnique:
      CSVRelationTable(kind: kind, name: "counter_techniques.csv", source: "counter", target: "technique")
    case .countersTactic: CSVRelationTable(kind: kind, name: "counter_tactics.csv", source: "counter", target: "tactic")
    case .actorType:
      CSVRelationTable(
        kind: kind, name: "counter_actortypes.csv", source: "counter", target: "actor_type", description: "sectors")
    case .metatechnique:
      CSVRelationTable(kind: kind, name: "object_metatechniques.csv", source: "object", target: "metatechnique")
    case .seenInIncident:
      CSVRelationTable(kind: kind, name: "counter_incidents.csv", source: "counter", target: "incident")
    case .responseType:
      CSVRelationTable(kind: kind, name: "object_responsetypes.csv", source: "object", target: "response_type")
    }
  }

  init(kind: RelationKind, name: String, source: String, target: String, description: String? = nil) {
    self.kind = kind
    self.name = name
    self.source = source
    self.target = target
    self.description = description
  }

  /// The table's rows for `kb`: sorted by source, target and description; a row written twice appears once.
  public func table(for kb: KnowledgeBase) -> CSVTable {
    var seen = Set<[String]>()
    var rows: [(source: DisarmID, target: DisarmID, row: [String])] = []
    for relation in kb.relations where relation.kind == kind {
      guard CSVExport.isLive(relation.source, in: kb), CSVExport.isLive(relation.target, in: kb) else { continue }
      var row = [relation.source.string, relation.target.string]
      if description != nil { row.append((relation.description ?? "").trimmingWhitespace()) }
      if seen.insert(row).inserted { rows.append((relation.source, relation.target, row)) }
    }
    rows.sort { lhs, rhs in
      if lhs.source != rhs.source { return lhs.source < rhs.source }
      if lhs.target != rhs.target { return lhs.target < rhs.target }
      return lhs.row.lexicographicallyPrecedes(rhs.row)
    }
    return CSVTable(name: name, header: [source, target] + (description.map { [$0] } ?? []), rows: rows.map(\.row))
  }
}
