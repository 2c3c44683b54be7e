import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmWorkbook
import Foundation

/// `disarm export xlsx`: the knowledge base as a master spreadsheet, with the sheets and columns the framework's
/// description gives (``WorkbookSheet``), so that a team whose pages are the source can still hand colleagues the
/// spreadsheet they know. It is the exact reverse of `disarm import`: each fact is written as the import reads it back
/// (a counter's techniques one per line, `T0007 - Name`; an incident's technique rows with the 2022 generator's
/// `IT00000011` identifiers split off), so that importing the workbook gives back the same pages.
///
/// One workbook holds both DISARM's framework sheets and its data sheets (incidents, their techniques, associated
/// techniques, references); the import reads the data sheets from it when no other data workbook is given.
public enum WorkbookExport {
  /// The workbook's sheets, in the order of ``WorkbookSheet/records``.
  public static func sheets(_ kb: KnowledgeBase) -> [WorkbookWriter.Sheet] {
    let framework = kb.framework
    let template = PageRenderer.effectiveTemplate(of: kb)
    var sheets: [WorkbookWriter.Sheet] = []
    for (name, factNames) in WorkbookSheet.records {
      guard let layout = framework.workbook[name] else { continue }
      let columns = factNames.filter { layout.column($0) != nil }
      var rows: [[String: String]]
      if let kind = ObjectKind(rawValue: name) {
        if name == "incident", kb.objects(of: .incident).isEmpty, kb.indexPage(of: .incident) == nil { continue }
        rows = ListedRow.rows(of: kind, in: kb).map { facts(of: $0, kind: kind, in: kb) }
      } else {
        switch name {
        case "incident-technique": rows = incidentTechniques(kb, template: template)
        case "associated-technique": rows = associations(kb)
        case "reference":
          // Written only when the pages have reference tables, so that the import writes them back only then.
          guard
            kb.objects(of: .incident).contains(where: { $0.page.map { kb.table("references", on: $0) != nil } ?? false }
            )
          else { continue }
          rows = references(kb)
        default: continue
        }
      }
      if name == "incident",
        !kb.objects(of: .incident).contains(where: { object in
          object.page.map { kb.table("references", on: $0) != nil } ?? false
        })
      {
        // Without reference tables the incidents sheet has no `urls` column either.
        rows = rows.map {
          var row = $0
          row["references"] = nil
          return row
        }
      }
      let header = columns.map { layout.column($0)! }
      sheets.append(
        WorkbookWriter.Sheet(name: layout.sheet, rows: [header] + rows.map { row in columns.map { row[$0] ?? "" } }))
    }
    return sheets
  }

  /// The workbook's bytes.
  public static func bytes(_ kb: KnowledgeBase) throws(WorkbookError) -> [UInt8] {
    try WorkbookWriter.bytes(sheets(kb))
  }

  /// One object's facts, each as the import reads it.
  static func facts(of row: ListedRow, kind: ObjectKind, in kb: KnowledgeBase) -> [String: String] {
    var facts = ["id": row.idText, "name": row.name, "summary": row.summary]
    func field(_ relation: String) -> String {
      row.page?.fields.first { kb.framework.fieldKeys(relation).contains($0.key) }?.value.text ?? ""
    }
    func rows(_ relation: String) -> [TableRow] {
      row.page.flatMap { kb.table(relation, on: $0)?.rows } ?? []
    }
    switch kind {
    case .tactic: facts["phase"] = field("phase")
    case .technique, .task: facts["tactic"] = FieldValue.leadingCode(field("tactic"))
    case .counter:
      facts["metatechnique"] = row.field("metatechnique")
      facts["resources"] = row.field("resources needed")
      facts["tactic"] = row.indexCells["tactic"]?.source.text ?? FieldValue.leadingCode(field("tactic"))
      facts["response-type"] =
        row.id.flatMap { kb.outgoing($0, .responseType).first?.target.string }
        ?? row.indexCells["responsetype"]?.source.text ?? ""
      // A piece per entry, `ID - Name`, as DISARM's spreadsheet writes them: the import reads the identifier.
      facts["actor-types"] = rows("actor-types").compactMap { entry($0, in: kb) }.joined(separator: ",")
      facts["techniques"] = cellOrder(rows("counters-techniques").compactMap { entry($0, in: kb) })
        .joined(separator: "\n")
      facts["incidents"] = rows("seen-in-incidents").compactMap { target($0, in: kb) }.joined(separator: ",")
    case .actorType:
      facts["sectors"] = row.field("sector")
      facts["viewpoints"] = row.field("viewpoint")
    case .responseType, .detection:
      for fact in ["metatechnique", "tactic"] { facts[fact] = row.indexCells[fact]?.source.text ?? "" }
      facts["response-type"] = row.indexCells["responsetype"]?.source.text ?? ""
    case .incident:
      facts["type"] = row.field("incident type")
      facts["year"] = row.field("year started")
      facts["found-via"] = row.field("found via")
      facts["added"] = row.field("date added")
      // `Russia , UK`: attributed to, then found in (the attribution may hold plain commas).
      let countries = row.field("countries")
      if let range = countries.range(of: " , ") {
        facts["attributed-to"] = String(countries[..<range.lowerBound])
        facts["found-in"] = String(countries[range.upperBound...])
      } else {
        facts["attributed-to"] = countries
      }
      facts["references"] = rows("references").compactMap { ReferenceRow($0)?.url }.joined(separator: " ")
    case .phase, .metatechnique: break
    }
    return facts
  }

  /// Each incident's technique rows: `IT00000011` and its description as the 2022–2024 generator wrote them
  /// (`IT00000011 Fake FB groups`), or a made-up row identifier and the whole description (2025 pages show none).
  static func incidentTechniques(_ kb: KnowledgeBase, template: KnowledgeBase.Template) -> [[String: String]] {
    var rows: [[String: String]] = []
    for entry in kb.listing(of: .incident) {
      guard case .object(let incident) = entry, let page = incident.page,
        let table = kb.table("techniques-used", on: page)
      else { continue }
      for row in table.rows {
        guard let technique = target(row, in: kb) else { continue }
        let text = row.text(fromCell: 1) ?? ""
        var record = ["incident": incident.id.string, "techniques": technique]
        if template == .generation2025 {
          record["id"] = "IT" + String(rows.count + 1).leftPadded(to: 8)
          record["description"] = text
        } else if let space = text.firstIndex(of: " ") {
          record["id"] = String(text[..<space])
          record["description"] = String(text[text.index(after: space)...])
        } else {
          record["id"] = text
          record["description"] = ""
        }
        rows.append(record)
      }
    }
    return rows
  }

  /// Each technique's associated techniques with the description given.
  static func associations(_ kb: KnowledgeBase) -> [[String: String]] {
    var rows: [[String: String]] = []
    for entry in kb.listing(of: .technique) {
      guard case .object(let technique) = entry, let page = technique.page,
        let table = kb.table("associated", on: page)
      else { continue }
      for row in table.rows {
        guard let associated = target(row, in: kb) else { continue }
        rows.append([
          "id": "AT" + String(rows.count + 1).leftPadded(to: 6), "technique": technique.id.string,
          "associated": associated, "description": row.text(fromCell: 1) ?? "",
        ])
      }
    }
    return rows
  }

  /// Every reference of every incident, once per URL.
  static func references(_ kb: KnowledgeBase) -> [[String: String]] {
    var rows: [[String: String]] = []
    var seen = Set<String>()
    for entry in kb.listing(of: .incident) {
      guard case .object(let incident) = entry, let page = incident.page,
        let table = kb.table("references", on: page)
      else { continue }
      for row in table.rows {
        guard let reference = ReferenceRow(row), seen.insert(reference.url).inserted else { continue }
        rows.append([
          "url": reference.url, "date": reference.date, "authors": reference.authors, "org": reference.org,
          "archive": reference.archive,
        ])
      }
    }
    return rows
  }

  /// `T0007 - Name` for a row linking an object.
  static func entry(_ row: TableRow, in kb: KnowledgeBase) -> String? {
    guard let id = target(row, in: kb) else { return nil }
    let name = row.links.first.map { link in
      let text = link.text.text
      return text.hasPrefix(id + " ") ? String(text.dropFirst(id.count + 1)) : text
    }
    return name.map { "\(id) - \($0)" } ?? id
  }

  /// The identifier a row's link points at (its file's name).
  static func target(_ row: TableRow, in kb: KnowledgeBase) -> String? {
    row.links.first?.targetFileStem
  }

  /// The order to write a counter's techniques in so that the import, which lists them as DISARM's generator did
  /// (numpy's unstable sort by the counter's own identifier, ``NumpyQuicksort``), gives back the page's order: the
  /// inverse of that sort's permutation (the identity up to 16 entries).
  static func cellOrder(_ pageOrder: [String]) -> [String] {
    let permutation = NumpyQuicksort.argsort(pageOrder, by: { _, _ in false })
    var cell = pageOrder
    for (position, source) in permutation.enumerated() { cell[source] = pageOrder[position] }
    return cell
  }
}

/// A Reference row as the generator writes it: `| [url](url) | date | authors | org | [archive](archive) |`.
struct ReferenceRow {
  var url, date, authors, org, archive: String

  init?(_ row: TableRow) {
    var text = row.source.text
    guard text.hasPrefix("| "), text.hasSuffix(" |") else { return nil }
    text = String(text.dropFirst(2).dropLast(2))
    let cells = text.components(separatedBy: " | ")
    guard cells.count == 5, let url = Self.destination(cells[0]), let archive = Self.destination(cells[4]) else {
      return nil
    }
    (self.url, date, authors, org, self.archive) = (url, cells[1], cells[2], cells[3], archive)
  }

  /// `x` of `[x](x)`, when both halves agree.
  static func destination(_ cell: String) -> String? {
    guard cell.hasPrefix("["), cell.hasSuffix(")"), let middle = cell.range(of: "](") else { return nil }
    let text = String(cell[cell.index(after: cell.startIndex)..<middle.lowerBound])
    let destination = String(cell[middle.upperBound..<cell.index(before: cell.endIndex)])
    return text == destination ? destination : nil
  }
}

extension String {
  /// The text with zeros before it up to `width` characters.
  func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
