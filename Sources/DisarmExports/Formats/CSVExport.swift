import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser
import DisarmRegeneration

/// The knowledge base as flat CSV tables: one per kind of object (`techniques.csv`, `tactics.csv`, …: `id`, `name`,
/// `summary` and the kind's scalar fields, see ``CSVObjectColumn``) and one per kind of relation
/// (`incident_techniques.csv`, …, see ``CSVRelationTable``). Every table has a header record, even when empty.
///
/// Only live objects are exported: stale pages are left out, and so are relations from or to them and relations
/// to objects that do not exist. Object rows are sorted by identifier and relation rows by source, target and
/// description, and the files are RFC 4180 (``CSVTable``), so exporting the same pages twice gives the same bytes.
public enum CSVExport {
  /// Every table, sorted by file name.
  public static func tables(for kb: KnowledgeBase) -> [CSVTable] {
    let objects = ObjectKind.allCases.map { objectTable($0, kb) }
    let relations = CSVRelationTable.all.map { $0.table(for: kb) }
    return (objects + relations).sorted { $0.name < $1.name }
  }

  /// The table of one kind of object (`techniques.csv`).
  public static func objectTable(_ kind: ObjectKind, _ kb: KnowledgeBase) -> CSVTable {
    let columns = CSVObjectColumn.columns(for: kind)
    // An extension's tables end with `origin` (local or upstream); other knowledge bases' tables are as they were.
    let origin = kb.upstream != nil
    let rows = kb.objects(of: kind).filter { !$0.isStale }.map { object in
      [object.id.string, object.name.trimmingWhitespace(), object.summary?.trimmed ?? ""]
        + columns.map { $0.value(for: object, in: kb) }
        + (origin ? [kb.origin(of: object.id)?.rawValue ?? ""] : [])
    }
    let header = ["id", "name", "summary"] + columns.map(\.header) + (origin ? ["origin"] : [])
    return CSVTable(name: "\(kind.folder).csv", header: header, rows: rows)
  }

  /// Whether `id` names an object of the knowledge base that is not stale.
  public static func isLive(_ id: DisarmID, in kb: KnowledgeBase) -> Bool { kb[id].map { !$0.isStale } ?? false }
}
