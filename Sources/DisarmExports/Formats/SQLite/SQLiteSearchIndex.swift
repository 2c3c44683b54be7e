import DisarmModel
import DisarmParser

/// The `search` table of the SQLite export: a full-text index (FTS5, Unicode tokens, diacritics folded) over every
/// live object's name and summary and every description an incident gives for a technique. Query it with
/// `SELECT kind, disarm_id, name FROM search WHERE search MATCH 'deepfake' ORDER BY rank`.
enum SQLiteSearchIndex {
  static let createStatement = """
    CREATE VIRTUAL TABLE search USING fts5(kind, disarm_id UNINDEXED, name, text, \
    tokenize = 'unicode61 remove_diacritics 2');
    """

  static let insertStatement = "INSERT INTO search (kind, disarm_id, name, text) VALUES (?, ?, ?, ?);"

  /// One row per live object (`kind` its folder, `text` its summary) and one per incident–technique row with a
  /// description (`kind` `incident_technique`, `disarm_id` `INCIDENT/TECHNIQUE`, `name` the incident's name).
  static func rows(for kb: KnowledgeBase) -> [[String]] {
    var rows: [[String]] = []
    for object in kb.orderedObjects where !object.isStale {
      rows.append([
        object.kind.folder, object.id.string, object.name.trimmingWhitespace(), object.summary?.trimmed ?? "",
      ])
    }
    for incident in kb.objects(of: .incident) where !incident.isStale {
      for relation in kb.outgoing(incident.id, .usesTechnique) where relation.isResolved {
        guard let technique = kb[relation.target], !technique.isStale else { continue }
        let description = (relation.description ?? "").trimmingWhitespace()
        if description.isEmpty { continue }
        rows.append([
          "incident_technique", "\(incident.id)/\(technique.id)", incident.name.trimmingWhitespace(), description,
        ])
      }
    }
    return rows
  }
}
