import DisarmDiagnostics
import DisarmModel

/// The `metadata.json` Datasette reads beside the SQLite export (`datasette OUT.db -m OUT.metadata.json`): a title,
/// every table's and column's description, and the canned queries people ask first (``queries``).
public enum DatasetteMetadata {
  /// A canned query: its name (the URL path), title, SQL (with `:named` parameters) and description.
  public struct Query: Sendable {
    public var name: String
    public var title: String
    public var sql: String
    public var description: String
  }

  /// Technique frequency, incidents by technique, techniques of an incident, tactic frequency, pairs, incidents per
  /// year, counters for a technique, full-text search.
  public static let queries: [Query] = [
    Query(
      name: "technique_frequency", title: "Technique frequency",
      sql: """
        SELECT t.disarm_id, t.name, t.tactic_id, COUNT(DISTINCT it.incident_id) AS incidents
        FROM technique t JOIN incident_technique it ON it.technique_id = t.disarm_id
        GROUP BY t.disarm_id ORDER BY incidents DESC, t.disarm_id
        """,
      description: "For each technique, the number of incidents whose technique table names it (disarm stats)."),
    Query(
      name: "incidents_by_technique", title: "Incidents using a technique",
      sql: """
        SELECT i.disarm_id, i.name, i.year_started, i.found_in_country, it.summary AS description
        FROM incident_technique it JOIN incident i ON i.disarm_id = it.incident_id
        WHERE it.technique_id = :technique ORDER BY i.disarm_id, it.id
        """,
      description:
        "The incidents that use a technique (give its identifier, e.g. T0143.003), with what they say about it."),
    Query(
      name: "techniques_of_incident", title: "Techniques of an incident",
      sql: """
        SELECT t.disarm_id, t.name, t.tactic_id, it.summary AS description
        FROM incident_technique it JOIN technique t ON t.disarm_id = it.technique_id
        WHERE it.incident_id = :incident ORDER BY it.id
        """,
      description: "The techniques an incident's table names (give its identifier, e.g. I00100)."),
    Query(
      name: "tactic_frequency", title: "Tactic frequency",
      sql: """
        SELECT ta.disarm_id, ta.name, ta.phase_id, COUNT(DISTINCT it.incident_id) AS incidents
        FROM tactic ta JOIN technique t ON t.tactic_id = ta.disarm_id
        JOIN incident_technique it ON it.technique_id = t.disarm_id
        GROUP BY ta.disarm_id ORDER BY ta.rank
        """,
      description: "For each tactic, the incidents that use at least one of its techniques (disarm stats --by tactic)."),
    Query(
      name: "technique_pairs", title: "Techniques used together",
      sql: """
        SELECT a.technique_id AS first, b.technique_id AS second, COUNT(DISTINCT a.incident_id) AS together
        FROM incident_technique a JOIN incident_technique b
          ON a.incident_id = b.incident_id AND a.technique_id < b.technique_id
        GROUP BY a.technique_id, b.technique_id ORDER BY together DESC, first, second
        """,
      description: "Pairs of techniques named by the same incident, most frequent first (disarm stats --pairs)."),
    Query(
      name: "incidents_per_year", title: "Incidents per year started",
      sql: """
        SELECT CAST(CAST(year_started AS REAL) AS INTEGER) AS year, COUNT(*) AS incidents
        FROM incident WHERE year_started <> '' GROUP BY year ORDER BY year
        """,
      description: "The number of incidents per year started (disarm stats --trend)."),
    Query(
      name: "counters_for_technique", title: "Counters of a technique",
      sql: """
        SELECT c.disarm_id, c.name, c.tactic_id FROM counter_technique ct JOIN counter c ON c.disarm_id = ct.counter_id
        WHERE ct.technique_id = :technique ORDER BY c.disarm_id
        """,
      description: "The counters that counter a technique."),
    Query(
      name: "search", title: "Full-text search",
      sql: """
        SELECT kind, disarm_id, name, snippet(search, 3, '[', ']', '…', 16) AS text
        FROM search WHERE search MATCH :query ORDER BY rank LIMIT 100
        """,
      description:
        "Names, summaries and incident descriptions matching an FTS5 query (deepfake, \"fake news\", persona*)."),
  ]

  /// The metadata for the database named `database` (Datasette names a database after its file's stem).
  public static func document(tables: [SQLiteTable], database: String, kb: KnowledgeBase) -> JSONValue {
    var tableMembers: [String: JSONValue] = [:]
    for table in tables {
      var columns: [String: JSONValue] = ["id": .string("Row number (1 first, in identifier order).")]
      for column in table.columns { columns[column.name] = .string(column.description) }
      tableMembers[table.name] = .object(["description": .string(table.description), "columns": .object(columns)])
    }
    tableMembers["search"] = .object([
      "description": .string("Full-text index (FTS5) over names, summaries and incident descriptions."),
      "columns": .object([
        "kind": .string("The object's kind (its folder), or incident_technique for an incident's description."),
        "disarm_id": .string("The object, or INCIDENT/TECHNIQUE."),
        "name": .string("The name (the incident's, for a description)."),
        "text": .string("The summary or description."),
      ]),
    ])
    var queryMembers: [String: JSONValue] = [:]
    for query in queries {
      queryMembers[query.name] = .object([
        "title": .string(query.title), "sql": .string(query.sql), "description": .string(query.description),
      ])
    }
    return .object([
      "title": .string("\(kb.framework.brand) knowledge base"),
      "description": .string(
        "The \(kb.framework.brand) knowledge base exported by disarm export sqlite: a table per kind, the relations, the "
          + "findings and a full-text index. Schema: docs/EXPORTS.md."),
      "databases": .object([
        database: .object(["tables": .object(tableMembers), "queries": .object(queryMembers)])
      ]),
    ])
  }
}
