import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser

/// The tables of the SQLite export with their rows (``SQLiteExport``), in the order they are created.
public enum SQLiteTables {
  typealias Column = SQLiteTable.Column

  /// Every table, filled from `kb`; `findings` fill `finding`.
  public static func all(for kb: KnowledgeBase, findings: [Diagnostic]) -> [SQLiteTable] {
    let reader = Reader(kb: kb)
    return objectTables(reader) + relationTables(reader) + [fieldTable(reader), findingTable(findings), infoTable(kb)]
  }

  /// Indexes on the columns joins use.
  static let indexes = [
    "CREATE INDEX technique_tactic ON technique (tactic_id);",
    "CREATE INDEX incident_technique_incident ON incident_technique (incident_id);",
    "CREATE INDEX incident_technique_technique ON incident_technique (technique_id);",
    "CREATE INDEX counter_technique_technique ON counter_technique (technique_id);",
    "CREATE INDEX relation_source ON relation (source_id);", "CREATE INDEX relation_target ON relation (target_id);",
    "CREATE INDEX field_object ON field (object_id);",
  ]

  /// What the rows are read through: live objects, fields and resolved relations between live objects.
  struct Reader {
    let kb: KnowledgeBase

    func live(_ kind: ObjectKind) -> [DisarmObject] { kb.objects(of: kind).filter { !$0.isStale } }

    func isLive(_ id: DisarmID) -> Bool { kb[id].map { !$0.isStale } ?? false }

    /// Resolved relations of one kind from `id` to live objects, in page order.
    func relations(_ id: DisarmID, _ kind: RelationKind) -> [Relation] {
      kb.outgoing(id, kind).filter { $0.isResolved && isLive($0.target) }
    }

    /// The first target of a relation, or ''.
    func first(_ id: DisarmID, _ kind: RelationKind) -> SQLiteTable.Cell {
      .text(relations(id, kind).first?.target.string ?? "")
    }

    /// The first field with one of `keys`, trimmed, or ''.
    func field(_ object: DisarmObject, _ keys: String...) -> SQLiteTable.Cell {
      .text(object.fields.first { keys.contains($0.key) }?.value.trimmed ?? "")
    }

    func name(_ object: DisarmObject) -> SQLiteTable.Cell { .text(object.name.trimmingWhitespace()) }
    func summary(_ object: DisarmObject) -> SQLiteTable.Cell { .text(object.summary?.trimmed ?? "") }
  }

  static let disarmID = Column("disarm_id", "The object's identifier (T0049.001).")
  static let name = Column("name", "The name, as the page's heading gives it.")
  static let summary = Column("summary", "The summary, as written.")
  static let file = Column(
    "file", "The page, relative to the knowledge base's page folder ('' for objects read from an index).")

  static func objectTables(_ reader: Reader) -> [SQLiteTable] {
    let kb = reader.kb
    let phaseRank = Dictionary(
      uniqueKeysWithValues: kb.phaseGroups.compactMap(\.phase).enumerated().map { ($1, $0 + 1) })
    let tacticRank = Dictionary(
      kb.tacticsInPhaseOrder.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { first, _ in first })
    func fileOf(_ object: DisarmObject) -> SQLiteTable.Cell { .text(object.page == nil ? "" : object.file) }
    return [
      SQLiteTable(
        name: "phase", description: "Phases (the Foundation's `phase`).",
        columns: [disarmID, name, Column("rank", .integer, "Position in phase order (1 first)."), summary, file],
        rows: reader.live(.phase).map {
          [.text($0.id.string), reader.name($0), .integer(phaseRank[$0.id] ?? 0), reader.summary($0), fileOf($0)]
        }),
      SQLiteTable(
        name: "tactic", description: "Tactics (the Foundation's `tactic`).",
        columns: [
          disarmID, Column("phase_id", "The tactic's phase."), name,
          Column(
            "rank", .integer, "Position in the matrix: phases in order, each over its tactics (0: not in the matrix)."),
          summary, file,
        ],
        rows: reader.live(.tactic).map {
          [
            .text($0.id.string), reader.first($0.id, .phase), reader.name($0), .integer(tacticRank[$0.id] ?? 0),
            reader.summary($0), fileOf($0),
          ]
        }),
      SQLiteTable(
        name: "technique", description: "Techniques and sub-techniques (the Foundation's `technique`).",
        columns: [
          disarmID, Column("tactic_id", "The technique's tactic."), name, summary,
          Column("parent_id", "A sub-technique's parent technique ('' for a technique)."), file,
        ],
        rows: reader.live(.technique).map {
          [
            .text($0.id.string), reader.first($0.id, .tactic), reader.name($0), reader.summary($0),
            reader.first($0.id, .parent), fileOf($0),
          ]
        }),
      SQLiteTable(
        name: "task", description: "Tasks (the Foundation's `task`).",
        columns: [
          disarmID, Column("tactic_id", "The task's tactic."),
          Column("framework_id", "The framework (always '': pages do not say)."), name, summary, file,
        ],
        rows: reader.live(.task).map {
          [
            .text($0.id.string), reader.first($0.id, .tactic), .text(""), reader.name($0), reader.summary($0),
            fileOf($0),
          ]
        }),
      SQLiteTable(
        name: "counter", description: "Counters (the Foundation's `counter`).",
        columns: [
          disarmID, Column("tactic_id", "The counter's tactic."),
          Column("metatechnique_id", "The counter's metatechnique."),
          name, summary, Column("responsetype_id", "The counter's response type."),
          Column("playbooks", "The Playbooks field as written."),
          Column("resources_needed", "The Resources needed field as written."), file,
        ],
        rows: reader.live(.counter).map {
          [
            .text($0.id.string), reader.first($0.id, .tactic), reader.first($0.id, .metatechnique), reader.name($0),
            reader.summary($0), reader.first($0.id, .responseType), reader.field($0, "playbooks"),
            reader.field($0, "resources needed"), fileOf($0),
          ]
        }),
      SQLiteTable(
        name: "detection", description: "Detections (the Foundation's `detection`), read from their index.",
        columns: [
          disarmID, Column("tactic_id", "The detection's tactic."), name, summary,
          Column("metatechnique_id", "The detection's metatechnique."),
          Column("responsetype_id", "The detection's response type."),
        ],
        rows: reader.live(.detection).map {
          [
            .text($0.id.string), reader.first($0.id, .tactic), reader.name($0), reader.summary($0),
            reader.first($0.id, .metatechnique), reader.first($0.id, .responseType),
          ]
        }),
      SQLiteTable(
        name: "metatechnique", description: "Metatechniques (the Foundation's `metatechnique`).",
        columns: [disarmID, name, summary, file],
        rows: reader.live(.metatechnique).map {
          [.text($0.id.string), reader.name($0), reader.summary($0), fileOf($0)]
        }),
      SQLiteTable(
        name: "responsetype", description: "Response types (the Foundation's `responsetype`).",
        columns: [disarmID, name, summary],
        rows: reader.live(.responseType).map { [.text($0.id.string), reader.name($0), reader.summary($0)] }),
      SQLiteTable(
        name: "actor_type", description: "Actor types (the Foundation's generator names the table `actor_type`).",
        columns: [
          disarmID, name, summary, Column("sectors", "The Sector field as written."),
          Column("viewpoints", "The Viewpoint field as written."), file,
        ],
        rows: reader.live(.actorType).map {
          [
            .text($0.id.string), reader.name($0), reader.summary($0), reader.field($0, "sector", "sectors"),
            reader.field($0, "viewpoint", "viewpoints"), fileOf($0),
          ]
        }),
      SQLiteTable(
        name: "incident", description: "Incidents (the Foundation's `incident`).",
        columns: [
          disarmID, name, summary, Column("year_started", "The Year started field as written (2016.0)."),
          Column("attributions_seen", "Attributions (always '': pages do not carry them)."),
          Column("found_in_country", "The Countries field as written (from and to country)."),
          Column("objecttype", "The incident type field as written (campaign, incident)."),
          Column("found_via", "The Found via field as written."),
          Column("date_added", "The Date added field as written."), file,
        ],
        rows: reader.live(.incident).map {
          [
            .text($0.id.string), reader.name($0), reader.summary($0), reader.field($0, "year started"), .text(""),
            reader.field($0, "countries"), reader.field($0, "incident type"), reader.field($0, "found via"),
            reader.field($0, "date added"), fileOf($0),
          ]
        }),
    ]
  }

  static func relationTables(_ reader: Reader) -> [SQLiteTable] {
    let kb = reader.kb
    var incidentTechnique: [[SQLiteTable.Cell]] = []
    for incident in reader.live(.incident) {
      var row = 0
      for relation in reader.relations(incident.id, .usesTechnique) where relation.target.kind == .technique {
        row += 1
        let description = (relation.description ?? "").trimmingWhitespace()
        incidentTechnique.append([
          .text("\(incident.id)/\(row)"), .text(kb[relation.target]?.name ?? ""), .text(description),
          .text(incident.id.string), .text(relation.target.string),
        ])
      }
    }
    func pairs(_ kind: ObjectKind, _ relation: RelationKind, description: Bool = false) -> [[SQLiteTable.Cell]] {
      reader.live(kind).flatMap { object in
        reader.relations(object.id, relation).map { found in
          [.text(object.id.string), .text(found.target.string)]
            + (description ? [.text((found.description ?? "").trimmingWhitespace())] : [])
        }
      }
    }
    func tactics(_ kind: ObjectKind, countering: Bool) -> [[SQLiteTable.Cell]] {
      reader.live(kind).flatMap { object -> [[SQLiteTable.Cell]] in
        let main = reader.relations(object.id, .tactic).map {
          [SQLiteTable.Cell.text(object.id.string), .text($0.target.string), .text("Y"), .text("")]
        }
        let others =
          countering
          ? reader.relations(object.id, .countersTactic).map {
            [SQLiteTable.Cell.text(object.id.string), .text($0.target.string), .text("N"), .text("")]
          } : []
        return main + others
      }
    }
    var relations: [[SQLiteTable.Cell]] = []
    for object in kb.orderedObjects where !object.isStale {
      for relation in kb.outgoing(object.id) where relation.isResolved && reader.isLive(relation.target) {
        relations.append([
          .text(relation.kind.rawValue), .text(object.id.string), .text(relation.target.string),
          .text((relation.description ?? "").trimmingWhitespace()), .text(relation.file),
          .integer(relation.position.line),
        ])
      }
    }
    let source = Column("source_id", "The object the relation starts from.")
    return [
      SQLiteTable(
        name: "incident_technique",
        description:
          "One row per row of an incident's technique table (the Foundation's `incident_technique`); the same technique may have several rows.",
        columns: [
          Column(
            "disarm_id",
            "INCIDENT/ROW: the incident and the row's position in its table (pages do not carry the spreadsheet's identifiers)."
          ),
          Column("name", "The technique's name."),
          Column("summary", "The description given for this incident, as written."),
          Column("incident_id", "The incident."), Column("technique_id", "The technique."),
        ],
        rows: incidentTechnique),
      SQLiteTable(
        name: "counter_technique",
        description: "Counter to technique it counters (the Foundation's `counter_technique`).",
        columns: [
          Column("counter_id", "The counter."), Column("technique_id", "The technique."),
          Column("summary", "Always ''."),
        ],
        rows: pairs(.counter, .countersTechnique).map { $0 + [.text("")] }),
      SQLiteTable(
        name: "counter_tactic",
        description:
          "Counter to tactic (the Foundation's `counter_tactic`): its own tactic (main_tactic Y) and the tactics it counters (N).",
        columns: [
          Column("counter_id", "The counter."), Column("tactic_id", "The tactic."),
          Column("main_tactic", "Y for the counter's own tactic, N for one it counters."),
          Column("summary", "Always ''."),
        ],
        rows: tactics(.counter, countering: true)),
      SQLiteTable(
        name: "detection_tactic", description: "Detection to its tactic (the Foundation's `detection_tactic`).",
        columns: [
          Column("detection_id", "The detection."), Column("tactic_id", "The tactic."),
          Column("main_tactic", "Always Y."), Column("summary", "Always ''."),
        ],
        rows: tactics(.detection, countering: false)),
      SQLiteTable(
        name: "counter_incident", description: "Counter to an incident it was seen in (Seen in incidents).",
        columns: [Column("counter_id", "The counter."), Column("incident_id", "The incident.")],
        rows: pairs(.counter, .seenInIncident)),
      SQLiteTable(
        name: "counter_actor_type",
        description: "Counter to an actor type that can carry it out, with the sectors given.",
        columns: [
          Column("counter_id", "The counter."), Column("actor_type_id", "The actor type."),
          Column("sectors", "The sectors, as written."),
        ],
        rows: pairs(.counter, .actorType, description: true)),
      SQLiteTable(
        name: "technique_associated",
        description: "Technique to an associated technique (2025 Associated Technique table).",
        columns: [
          Column("technique_id", "The technique."), Column("associated_id", "The associated technique."),
          Column("description", "As written."),
        ],
        rows: pairs(.technique, .associatedTechnique, description: true)),
      SQLiteTable(
        name: "relation", description: "Every relation between live objects, of every kind, in page order.",
        columns: [
          Column(
            "kind",
            "tactic, phase, parent, usesTechnique, associatedTechnique, countersTechnique, countersTactic, actorType, metatechnique, seenInIncident or responseType."
          ),
          source, Column("target_id", "The object pointed at."),
          Column("description", "The text given for the pair, as written."),
          Column("file", "The page it was read from."), Column("line", .integer, "The line in that page."),
        ],
        rows: relations),
    ]
  }

  static func fieldTable(_ reader: Reader) -> SQLiteTable {
    var rows: [[SQLiteTable.Cell]] = []
    for object in reader.kb.orderedObjects where !object.isStale {
      for (index, field) in object.fields.enumerated() {
        rows.append([
          .text(object.id.string), .text(object.kind.folder), .integer(index + 1), .text(field.label),
          .text(field.value.trimmed),
        ])
      }
    }
    return SQLiteTable(
      name: "field", description: "Every field of every live page, as written, in page order.",
      columns: [
        Column("object_id", "The object."), Column("kind", "The object's kind (its folder: techniques, incidents)."),
        Column("position", .integer, "1 for the page's first field."),
        Column("label", "The label as written (Year started)."),
        Column("value", "The value as written, trimmed."),
      ],
      rows: rows)
  }

  static func findingTable(_ findings: [Diagnostic]) -> SQLiteTable {
    SQLiteTable(
      name: "finding",
      description:
        "What the model rules find in the knowledge base (docs/DIAGNOSTICS.md; disarm lint reports these and more).",
      columns: [
        Column("rule", "The rule's identifier."), Column("severity", "error, warning or info."),
        Column("file", "The page."),
        Column("line", .integer, "1-based line."), Column("column", .integer, "1-based column."),
        Column("message", "The message."),
      ],
      rows: findings.map {
        [
          .text($0.rule.rawValue), .text($0.severity.rawValue), .text($0.file), .integer($0.line), .integer($0.column),
          .text($0.message),
        ]
      })
  }

  static func infoTable(_ kb: KnowledgeBase) -> SQLiteTable {
    SQLiteTable(
      name: "export_info", description: "About the export: the framework and the schema version.",
      columns: [Column("key", "What."), Column("value", "Its value.")],
      rows: [
        [.text("framework"), .text(kb.framework.name)], [.text("brand"), .text(kb.framework.brand)],
        [.text("schema_version"), .text(String(SQLiteExport.schemaVersion))],
      ])
  }
}
