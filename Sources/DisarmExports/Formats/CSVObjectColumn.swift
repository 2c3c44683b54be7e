import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser
import DisarmRegeneration

/// The columns of a kind's table in the CSV export (`techniques.csv`): `id`, `name`, `summary`, then the kind's
/// scalar fields. A field column holds the page field's text exactly as written, without surrounding white space;
/// a relation column holds the identifiers of the live objects the relation points at (several joined by `, `).
public enum CSVObjectColumn: Sendable, Equatable {
  /// A page field, by its lookup keys (`year started`); the first field with one of the keys.
  case field(header: String, keys: [String])
  /// The targets of the object's relations of one kind (`tactic`).
  case relation(header: String, kind: RelationKind)

  /// The column's header.
  public var header: String {
    switch self {
    case .field(let header, _), .relation(let header, _): header
    }
  }

  /// The columns after `id`, `name` and `summary` for objects of `kind`.
  public static func columns(for kind: ObjectKind) -> [CSVObjectColumn] {
    switch kind {
    case .phase, .metatechnique, .responseType: []
    case .tactic: [.relation(header: "phase", kind: .phase)]
    case .technique: [.relation(header: "tactic", kind: .tactic), .relation(header: "parent_technique", kind: .parent)]
    case .task: [.relation(header: "tactic", kind: .tactic)]
    case .incident:
      [
        .field(header: "incident_type", keys: ["incident type"]),
        .field(header: "year_started", keys: ["year started"]),
        .field(header: "countries", keys: ["countries"]), .field(header: "found_via", keys: ["found via"]),
        .field(header: "date_added", keys: ["date added"]),
      ]
    case .counter:
      [
        .relation(header: "tactic", kind: .tactic), .relation(header: "metatechniques", kind: .metatechnique),
        .relation(header: "response_type", kind: .responseType), .field(header: "playbooks", keys: ["playbooks"]),
        .field(header: "resources_needed", keys: ["resources needed"]),
      ]
    case .actorType: [.field(header: "sectors", keys: ["sector"]), .field(header: "viewpoints", keys: ["viewpoint"])]
    case .detection:
      [
        .relation(header: "tactic", kind: .tactic), .relation(header: "metatechnique", kind: .metatechnique),
        .relation(header: "response_type", kind: .responseType),
      ]
    }
  }

  /// The column's value for `object`.
  public func value(for object: DisarmObject, in kb: KnowledgeBase) -> String {
    switch self {
    case .field(_, let keys):
      return object.fields.first { keys.contains($0.key) }?.value.trimmed ?? ""
    case .relation(_, let kind):
      var seen = Set<DisarmID>()
      let targets = kb.outgoing(object.id, kind).map(\.target)
        .filter { CSVExport.isLive($0, in: kb) && seen.insert($0).inserted }
      return targets.map(\.string).joined(separator: ", ")
    }
  }
}
