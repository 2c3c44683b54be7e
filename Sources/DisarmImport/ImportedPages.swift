import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmSupport

/// The page tree a spreadsheet stands for, as seeds (``NewPageSeed``): each object's page with what it owns, read
/// from its row exactly as DISARM's generator reads it, and each kind's index listing the objects in sheet order.
/// Loaded as a knowledge base and regenerated, the seeds give the generator's pages byte for byte: the derived tables
/// (a technique's incidents and counters, a tactic's tasks) are computed by the model from their owners, as for any
/// page tree.
struct ImportedPages: Sendable {
  let spreadsheet: ImportedSpreadsheet
  /// An empty knowledge base of the framework: its words and labels.
  let kb: KnowledgeBase
  let template: KnowledgeBase.Template
  /// The notes of the pages already in the folder, by path: the bytes from the marker line to the end.
  let notes: [String: [UInt8]]
  /// Each kind's names by identifier text, for the link texts of owned rows.
  let names: [ObjectKind: [String: String]]
  /// The identifiers of each kind the spreadsheet has, as text.
  let identifiers: [ObjectKind: Set<String>]
  /// The rows of the sheets an object's page takes rows from, found once rather than for every page: actor types by
  /// identifier and references by URL (the first of each), incident-technique rows by incident and associated
  /// techniques by technique (in sheet order).
  let actorTypes: [String: SheetRecords.Record]
  let references: [String: SheetRecords.Record]
  let incidentTechniques: [String: [SheetRecords.Record]]
  let associatedTechniques: [String: [SheetRecords.Record]]

  init(
    spreadsheet: ImportedSpreadsheet, kb: KnowledgeBase, template: KnowledgeBase.Template, notes: [String: [UInt8]]
  ) {
    self.spreadsheet = spreadsheet
    self.kb = kb
    self.template = template
    self.notes = notes
    var names: [ObjectKind: [String: String]] = [:]
    var identifiers: [ObjectKind: Set<String>] = [:]
    for kind in [ObjectKind.technique, .actorType, .incident] {
      for row in spreadsheet.rows(kind.rawValue) {
        names[kind, default: [:]][row["id"]] = row["name"]
      }
      identifiers[kind] = Set(spreadsheet.identifiers(of: kind).map(\.string))
    }
    self.names = names
    self.identifiers = identifiers
    actorTypes = Dictionary(
      spreadsheet.rows("actortype").map { ($0["id"].trimmingWhitespace(), $0) }, uniquingKeysWith: { first, _ in first }
    )
    references = Dictionary(
      spreadsheet.rows("reference").map { ($0["url"], $0) }, uniquingKeysWith: { first, _ in first })
    incidentTechniques = Dictionary(grouping: spreadsheet.rows("incident-technique")) { $0["incident"] }
    associatedTechniques = Dictionary(grouping: spreadsheet.rows("associated-technique")) { $0["technique"] }
  }

  /// The seed pages, by page-folder-relative path: the objects' pages, each kind's index, and the pages of rows the
  /// generator wrote under an identifier that is not one (``ImportedSpreadsheet/rowsAsWritten(of:)``), which the
  /// model reads as unassigned pages that the index, the tactics' tables and the matrix still list.
  func seeds() -> [String: [UInt8]] {
    // Every page's seed is worked out on all cores, then the pages are filed in order: where two rows give the same
    // path (rows written as they were), the last wins, as each overwrote the page before it.
    var jobs: [(path: String, make: () -> [UInt8])] = []
    for kind in ObjectKind.allCases {
      guard spreadsheet.records[kind.rawValue] != nil, let words = kb.framework.kind(kind) else { continue }
      if let folder = words.folder {
        for (id, row) in objects(of: kind) {
          let path = "\(folder)/\(id).md"
          jobs.append((path, { seed(content(of: id, row), path: path) }))
        }
        for row in spreadsheet.rowsAsWritten(of: kind) {
          guard let (path, content) = asWritten(row, of: kind) else { continue }
          jobs.append((path, { seed(content, path: path) }))
        }
      }
      if let index = words.index { jobs.append((index, { indexSeed(of: kind) })) }
    }
    let made = ParallelMap.map(jobs) { $0.make() }
    var pages: [String: [UInt8]] = [:]
    for (job, bytes) in zip(jobs, made) { pages[job.path] = bytes }
    return pages
  }

  /// A seed's bytes, with the notes of the page already at `path` below its marker.
  func seed(_ content: NewPageSeed.Content, path: String) -> [UInt8] {
    let text = NewPageSeed.text(content, in: kb, template: template)
    var bytes = Array(text.utf8)
    if let tail = notes[path] { bytes = Array(bytes.dropLast(Notes.marker.utf8.count)) + tail }
    return bytes
  }

  /// The page a row written as it was goes to, and what it owns, written under the row's identifier text; its
  /// derived rows are those of that text (nothing names `T0039 `). The content's `id` is a stand-in of the kind, the
  /// trimmed identifier when there is one: ``RowsAsWrittenPages`` renders the page under it.
  func asWritten(_ row: ImportedSpreadsheet.RowAsWritten, of kind: ObjectKind) -> (String, NewPageSeed.Content)? {
    guard let folder = kb.framework.kind(kind)?.folder, let standIn = row.trimmed ?? Self.standIn(of: kind, in: kb)
    else { return nil }
    let record = row.record ?? SheetRecords.Record(sheet: "", row: row.row, facts: [:], columns: [:])
    var content = content(of: standIn, record, matching: row.idText)
    content.writtenID = row.idText
    return ("\(folder)/\(row.idText).md", content)
  }

  /// A valid identifier of `kind` to render a page written as it was under (the framework's example identifier).
  static func standIn(of kind: ObjectKind, in kb: KnowledgeBase) -> DisarmID? {
    guard let example = kb.framework.kind(kind)?.id.example, let id = kb.id(example), id.kind == kind else {
      return nil
    }
    return id
  }

  /// The objects of `kind` with a valid identifier, in the order the generator writes them: sheet order, counters
  /// sorted by identifier.
  func objects(of kind: ObjectKind) -> [(DisarmID, SheetRecords.Record)] {
    let objects = spreadsheet.rows(kind.rawValue).compactMap { row in
      spreadsheet.identifier(row["id"], of: kind).map { ($0, row) }
    }
    return kind == .counter ? objects.sorted { $0.0.string < $1.0.string } : objects
  }

  /// Every row of `kind` the generator listed, objects and rows written as they were, with the identifier text the
  /// index shows: sheet order, counters sorted by identifier text (pandas' `sort_values`).
  func listedRows(of kind: ObjectKind) -> [(idText: String, record: SheetRecords.Record)] {
    var rows = objects(of: kind).map { (row: $0.1.row, idText: $0.0.string, record: $0.1) }
    for row in spreadsheet.rowsAsWritten(of: kind) {
      rows.append(
        (row.row, row.idText, row.record ?? SheetRecords.Record(sheet: "", row: row.row, facts: [:], columns: [:])))
    }
    rows.sort { kind == .counter ? ($0.idText, $0.row) < ($1.idText, $1.row) : $0.row < $1.row }
    return rows.map { ($0.idText, $0.record) }
  }

  /// What the page of `id` owns; the cross-reference sheets' rows are those naming `matching` (by default `id`).
  func content(of id: DisarmID, _ row: SheetRecords.Record, matching: String? = nil) -> NewPageSeed.Content {
    let matching = matching ?? id.string
    var content = NewPageSeed.Content(id: id, name: row["name"], summary: row["summary"], tactic: nil, phase: nil)
    switch id.kind {
    case .tactic: content.phase = kb.id(row["phase"].trimmingWhitespace())
    case .technique, .task:
      let tactic = row["tactic"]
      content.tactic = kb.id(tactic).flatMap { $0.kind == .tactic ? $0 : nil }
      if content.tactic == nil { content.tacticText = tactic }
      if id.kind == .technique && template == .generation2025 {
        content.tables["associated"] = associatedRows(of: matching)
      }
    case .counter:
      // The counter's tactic is the first word of its `tactic` cell (`TA01 Strategic Planning`).
      content.tacticText = String(row["tactic"].prefix { $0 != " " })
      content.fields = [
        "playbooks": "", "metatechnique": row["metatechnique"], "resources needed": row["resources"],
      ]
      content.tables = [
        "actor-types": actorTypeRows(of: row), "counters-tactics": [], "counters-techniques": techniqueRows(of: row),
        "seen-in-incidents": [],
      ]
    case .actorType:
      content.fields = ["sector": row["sectors"], "viewpoint": row["viewpoints"]]
    case .incident:
      content.fields = [
        "incident type": row["type"], "year started": row["year"],
        "countries": "\(row["attributed-to"]) , \(row["found-in"])", "found via": row["found-via"],
        "date added": row["added"],
      ]
      if spreadsheet.records["reference"] != nil { content.tables["references"] = referenceRows(of: row) }
      content.tables["techniques-used"] = incidentTechniqueRows(of: matching)
    case .phase, .metatechnique, .responseType, .detection: break
    }
    return content
  }

  /// `| [T0007 Name](../../generated_pages/techniques/T0007.md) | rest |`: the link's name is derived when the page
  /// is regenerated; the destination is the framework's.
  func row(_ id: String, _ kind: ObjectKind, rest: [String] = []) -> String {
    let folder = kb.framework.kind(kind)?.folder ?? kind.folder
    let link = "[\(id) \(name(of: id, kind))](\(kb.framework.linkPrefix)\(folder)/\(id).md)"
    return "| " + ([link] + rest).joined(separator: " | ") + " |"
  }

  func name(of id: String, _ kind: ObjectKind) -> String {
    names[kind]?[id] ?? ""
  }

  func known(_ kind: ObjectKind) -> Set<String> { identifiers[kind] ?? [] }

  /// A counter's actor types with their sectors, sorted by identifier: those its `actortypes` cell names that the
  /// actor-types sheet has.
  func actorTypeRows(of row: SheetRecords.Record) -> [String] {
    let entries = Self.groupedByKey(
      CellList.entries(row["actor-types"], divider: ",").filter { actorTypes[$0.token] != nil }, key: \.token)
    return NumpyQuicksort.argsort(entries.map(\.token), by: NumpyQuicksort.pythonLess).map {
      self.row(entries[$0].token, .actorType, rest: [actorTypes[entries[$0].token]!["sectors"]])
    }
  }

  /// A counter's techniques, those the techniques sheet has: in the order its `techniques` cell lists them (a
  /// technique named twice grouped at its first place, as pandas' merge left it), as
  /// the generator's sort by the counter's own identifier (the same for every row) left them, which reorders a list
  /// of more than 16 (``NumpyQuicksort``).
  func techniqueRows(of row: SheetRecords.Record) -> [String] {
    let techniques = known(.technique)
    let entries = Self.groupedByKey(
      CellList.entries(row["techniques"], divider: "\n").filter { techniques.contains($0.token) }, key: \.token)
    return NumpyQuicksort.argsort(entries, by: { _, _ in false }).map { self.row(entries[$0].token, .technique) }
  }

  /// `items` as pandas' inner `merge` on `key` leaves them (pandas before 2.2): the items of each key together, the
  /// keys in the order they first appear (a counter whose cell names T0045 twice lists both after T0009).
  static func groupedByKey<Item>(_ items: [Item], key: (Item) -> String) -> [Item] {
    var order: [String] = []
    var groups: [String: [Item]] = [:]
    for item in items {
      let value = key(item)
      if groups[value] == nil { order.append(value) }
      groups[value, default: []].append(item)
    }
    return order.flatMap { groups[$0]! }
  }

  /// A technique's associated techniques with the description given for each, sorted by identifier.
  func associatedRows(of id: String) -> [String] {
    let techniques = known(.technique)
    return (associatedTechniques[id] ?? []).filter {
      techniques.contains($0["associated"])
    }.enumerated().sorted { ($0.element["associated"], $0.offset) < ($1.element["associated"], $1.offset) }.map {
      row($0.element["associated"], .technique, rest: [$0.element["description"]])
    }
  }

  /// An incident's references: the URLs its `urls` cell lists, with their details from the references sheet.
  func referenceRows(of row: SheetRecords.Record) -> [String] {
    return CellList.entries(row["references"], divider: " ").compactMap { entry in
      guard let reference = references[entry.token] else { return nil }
      let url = reference["url"]
      let archive = reference["archive"]
      return
        "| [\(url)](\(url)) | \(reference["date"]) | \(reference["authors"]) | \(reference["org"]) | [\(archive)](\(archive)) |"
    }
  }

  /// An incident's techniques with the description given for each, sorted by technique. The 2022–2024 generator
  /// wrote the row's own identifier before its description (`IT00000011 Fake FB groups`), the 2025 one did not.
  func incidentTechniqueRows(of id: String) -> [String] {
    let techniques = known(.technique)
    var rows: [(technique: String, order: Int, text: String)] = []
    for record in incidentTechniques[id] ?? [] {
      let description =
        template == .generation2025 ? record["description"] : "\(record["id"]) \(record["description"])"
      for entry in CellList.entries(record["techniques"], divider: ",") where techniques.contains(entry.piece) {
        rows.append((entry.piece, rows.count, row(entry.piece, .technique, rest: [description])))
      }
    }
    return NumpyQuicksort.argsort(rows.map(\.technique), by: NumpyQuicksort.pythonLess).map { rows[$0].text }
  }

  /// The kind's index as the generator writes it: every object in order, with its cells from its row.
  func indexSeed(of kind: ObjectKind) -> [UInt8] {
    let columns = Self.indexColumns(of: kind)
    let brand = kb.framework.brand
    let folder = IndexPageRenderer.linkFolder(of: kind)
    var html = "# \(brand) \(kind.folder):\n\n<table border=\"1\">\n<tr>\n<th>\(brand.lowercased())_id</th>\n"
    for (header, _) in columns { html += "<th>\(header)</th>\n" }
    html += "</tr>\n"
    for (id, row) in listedRows(of: kind) {
      html += "<tr>\n<td><a href=\"\(folder)/\(id).md\">\(id)</a></td>\n"
      for (_, fact) in columns { html += "<td>\(row[fact])</td>\n" }
      html += "</tr>\n"
    }
    html += "</table>\n"
    return Array(html.utf8)
  }

  /// The generator's index columns after the identifier (``IndexPageRenderer/columns(of:)``), each with the fact of
  /// the row it shows.
  static func indexColumns(of kind: ObjectKind) -> [(String, String)] {
    let facts = [
      "phase_id": "phase", "tactic_id": "tactic", "objecttype": "type", "year_started": "year",
      "found_in_country": "found-in", "found_via": "found-via", "responsetype": "response-type",
      "sector_ids": "sectors",
    ]
    return IndexPageRenderer.columns(of: kind).map { ($0, facts[$0] ?? $0) }
  }
}
