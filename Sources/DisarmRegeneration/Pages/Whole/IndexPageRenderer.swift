import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser

/// Renders the index pages (`techniques_index.md`, …, `responsetype_index.md`, `detections_index.md`): a title and an
/// HTML table with one row per listed object, as DISARM's generator writes them (cell text unescaped).
public enum IndexPageRenderer {
  /// The kinds with an index page, in the order the pages are rendered.
  public static let kinds: [ObjectKind] = [
    .phase, .tactic, .technique, .task, .incident, .counter, .actorType, .metatechnique, .responseType, .detection,
  ]

  /// The index page's file name (`techniques_index.md`, `responsetype_index.md`).
  public static func path(of kind: ObjectKind, in kb: KnowledgeBase) -> String {
    kb.framework.kind(kind)?.index ?? (kind == .responseType ? "responsetype_index.md" : "\(kind.folder)_index.md")
  }

  /// The folder name DISARM's generator writes in index links and titles (`response types` for response types).
  public static func linkFolder(of kind: ObjectKind) -> String {
    kind == .responseType ? "response types" : kind.folder
  }

  /// The index's title word: the folder as DISARM's generator capitalises it (`Actortypes`, `Response types`), or
  /// the framework's plural for a kind it renames (`Groups`, `Categories`, `Assessments` in DISARM 2026).
  static func title(of kind: ObjectKind, in kb: KnowledgeBase) -> String {
    let words = kb.words(kind)
    let renamed = words.plural != BuiltInFrameworks.standard.kind(kind)?.plural
    return pythonCapitalized(renamed ? words.plural : linkFolder(of: kind))
  }

  /// A column's header: the DISARM 1.x name, with the tactic's and phase's words of a framework that renames them
  /// (`category_id`, `group_id`, `category`).
  static func header(of column: String, in kb: KnowledgeBase) -> String {
    func word(_ role: ObjectKind) -> String { kb.words(role).singular.replacingAll(" ", "_") }
    switch column {
    case "tactic_id": return word(.tactic) + "_id"
    case "phase_id": return word(.phase) + "_id"
    case "tactic": return word(.tactic)
    default: return column
    }
  }

  /// The columns after `disarm_id`, as DISARM's generator names them.
  public static func columns(of kind: ObjectKind) -> [String] {
    switch kind {
    case .phase, .metatechnique, .responseType: ["name", "summary"]
    case .tactic: ["name", "summary", "phase_id"]
    case .technique, .task: ["name", "summary", "tactic_id"]
    case .incident: ["name", "objecttype", "year_started", "found_in_country", "found_via"]
    case .counter, .detection: ["name", "summary", "metatechnique", "tactic", "responsetype"]
    case .actorType: ["name", "summary", "sector_ids"]
    }
  }

  /// The index page of `kind`.
  public static func render(_ kind: ObjectKind, in kb: KnowledgeBase) -> RenderedPage {
    render(kind, in: kb, counters: nil)
  }

  /// The index page of `kind`; the counters' index from their listed rows when already read (`counters`).
  static func render(_ kind: ObjectKind, in kb: KnowledgeBase, counters: CounterRows?) -> RenderedPage {
    let folder = linkFolder(of: kind)
    let columns = columns(of: kind)
    // Written straight into bytes, sized like the index read: an index of a large knowledge base runs to tens of
    // megabytes, and a growing string plus its conversion to bytes held it three times over.
    var html: [UInt8] = []
    html.reserveCapacity((kb.wholePages.first { $0.path == path(of: kind, in: kb) }?.file.bytes.count ?? 0) + 4096)
    let brand = kb.framework.brand
    html +=
      "# \(brand) \(title(of: kind, in: kb)):\n\n<table border=\"1\">\n<tr>\n<th>\(brand.lowercased())_id</th>\n".utf8
    for column in columns { html += "<th>\(header(of: column, in: kb))</th>\n".utf8 }
    html += "</tr>\n".utf8
    // The existing index's cells are read only where a column comes from them: objects defined by their index row
    // (kinds without pages, and objects the index lists without a page) and the counters' `tactic` column. Reading them for every row of a large techniques index would
    // hold a dictionary per row.
    let rows: [ListedRow]
    if kind == .counter, let counters {
      rows = counters.all
    } else {
      let listing = kb.listing(of: kind)
      let hasRowObjects = listing.contains { if case .object(let object) = $0 { object.page == nil } else { false } }
      let indexRows = !kind.hasPages || kind == .counter || hasRowObjects ? kb.indexRows(of: kind) : [:]
      rows = listing.map { ListedRow($0, indexRows: indexRows) }
    }
    for row in rows {
      html += "<tr>\n<td><a href=\"\(folder)/\(row.idText).md\">\(row.idText)</a></td>\n".utf8
      for column in columns { html += "<td>\(cell(column, of: row, kind: kind, in: kb))</td>\n".utf8 }
      html += "</tr>\n".utf8
    }
    html += "</table>\n".utf8
    return RenderedPage(path: path(of: kind, in: kb), bytes: html)
  }

  /// The text of one cell, from the fact's owner.
  static func cell(_ column: String, of row: ListedRow, kind: ObjectKind, in kb: KnowledgeBase) -> String {
    if kind == .detection || kind == .responseType {
      // Objects defined by their index row: every column is theirs.
      switch column {
      case "name": return row.name
      case "summary": return row.summary
      default: return row.indexCells[column]?.source.text ?? ""
      }
    }
    switch column {
    case "name": return row.name
    case "summary": return row.summary
    case "phase_id":
      return row.target(.phase, in: kb, kind: .phase, field: "belongs to phase", "phase")?.string ?? ""
    case "tactic_id": return row.tactic(in: kb)?.string ?? ""
    case "objecttype": return row.field("incident type")
    case "year_started": return row.field("year started")
    case "found_in_country": return foundInCountry(row.field("countries"))
    case "found_via": return row.field("found via")
    case "metatechnique": return row.field("metatechnique")
    case "tactic": return counterTactic(row, in: kb)
    case "responsetype": return row.id.flatMap { kb.outgoing($0, .responseType).first?.target.string } ?? ""
    case "sector_ids": return row.field("sector")
    default: return ""
    }
  }

  /// An incident page writes `* **Countries:** <attributed to> , <found in>`; the index shows the part after the
  /// first ` , ` (the attribution may hold plain commas: `Russia,UK , UK`). A value without ` , ` is taken whole.
  static func foundInCountry(_ countries: String) -> String {
    guard let range = countries.firstRange(ofLiteral: " , ") else { return countries.trimmingWhitespace() }
    return String(countries[range.upperBound...])
  }

  /// A counter's `tactic` column: `TA01 Strategic Planning` in DISARM, a name no page holds any more. The tactic is
  /// the counter page's; the existing index's text is kept when it names that same tactic, otherwise the tactic's
  /// current name is written (`TA01 Plan Strategy`).
  static func counterTactic(_ row: ListedRow, in kb: KnowledgeBase) -> String {
    guard let tactic = row.tactic(in: kb) else { return "" }
    if let written = row.indexCells["tactic"]?.source.text, kb.leadingID(in: written)?.id == tactic {
      return written
    }
    return kb.writtenName(of: tactic).map { "\(tactic) \($0)" } ?? tactic.string
  }

  /// Python's `str.capitalize()`: first character upper-cased, the rest lower-cased (`Response types`).
  static func pythonCapitalized(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst().lowercased()
  }
}
