import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser
import DisarmRegeneration

/// The seed of an incident page from an imported record: what the record gives, and, for a page the import made
/// before (or this knowledge base's own incident, exported and imported back), what the page already holds where
/// the record says nothing or says the same thing in other bytes. So importing the same input twice, or an export
/// of the knowledge base, changes nothing; an updated input changes only what it changed.
struct IncidentPageContent {
  let kb: KnowledgeBase
  /// The record's techniques, resolved, each with the description the source gives (several uses joined).
  let techniques: [(id: DisarmID, description: String)]
  let record: IncidentRecord

  /// The seed content for `id`, over `existing` (the page already there) when there is one.
  func content(for id: DisarmID, existing: DisarmObject?) -> NewPageSeed.Content {
    let page = existing?.page
    func kept(_ key: String) -> String? { page?.field(key)?.value.text }
    func given(_ value: String?, over key: String) -> String {
      guard let value else { return kept(key) ?? "" }
      let cell = InputText.cell(value)
      // The same text in other bytes (line breaks where the page has them, spaces around it) stays as written.
      if let current = kept(key), InputText.sameText(current, value) { return current }
      return cell
    }
    // A source gives a year (STIX `first_seen`, MISP `date`, a CSV cell): the page's `2016.0` is the same year.
    func year(_ value: String?) -> String {
      if let value, let current = kept("year started"), InputText.year(current.trimmingWhitespace()) == value {
        return current
      }
      return given(value, over: "year started")
    }
    // How the incident was found and when it was added are the knowledge base's facts: set when the page is made.
    func once(_ value: String?, over key: String) -> String {
      guard page == nil else { return kept(key) ?? "" }
      return value.map(InputText.cell) ?? ""
    }
    var name = InputText.name(record.name)
    if let written = page?.heading?.name?.text, InputText.name(written) == name { name = written }
    var content = NewPageSeed.Content(
      id: id, name: name, summary: given(record.summary, over: "summary"), tactic: nil, phase: nil)
    content.fields = [
      "incident type": kept("incident type") ?? "",
      "year started": year(record.yearStarted),
      "countries": given(record.countries, over: "countries"),
      "found via": once(record.foundVia, over: "found via"),
      "date added": once(record.dateAdded, over: "date added"),
    ]
    // The identity stays as the page first recorded it; this knowledge base's own incident, exported and imported
    // back, needs none.
    if let source = kept(IncidentSourceIdentity.key) {
      content.fields[IncidentSourceIdentity.key] = source
    } else if existing == nil || !(isOwnExport || record.addsToPage) {
      // A page a report's techniques are added to (`disarm tag --into-incident`) does not come from the report.
      content.fields[IncidentSourceIdentity.key] = record.identity
    }
    if let rows = referenceRows(on: page) { content.tables["references"] = rows }
    content.tables["techniques-used"] = techniqueRows(on: page)
    return content
  }

  /// Whether the record is this knowledge base's own export of the incident (matched by its derived identifier).
  var isOwnExport: Bool { record.exportedIncident != nil }

  /// The references table: the page's rows in their order, less those for a web address the record no longer gives,
  /// then a row for each address of the record the page lacks; rows without a web address (`[-](-)`, which no source
  /// can name) are kept. The page's rows when the record gives no addresses.
  /// A record that adds to its page (``IncidentRecord/addsToPage``) keeps every row and adds its web addresses and
  /// named references (a row whose first cell is the name, once) that the page lacks.
  func referenceRows(on page: ObjectPage?) -> [String]? {
    let table = page?.table(firstColumn: "Reference")
    guard record.references != nil || !record.namedReferences.isEmpty else {
      return table.map { $0.rows.map(\.source.text) }
    }
    let wanted = (record.references ?? []).compactMap(Self.linkable)
    var rows: [String] = []
    var present = Set<String>()
    var named = Set<String>()
    for row in table?.rows ?? [] {
      let url = row.links.first?.destination.text.trimmingWhitespace() ?? ""
      if record.addsToPage || Self.linkable(url) == nil || wanted.contains(url) {
        rows.append(row.source.text)
        present.insert(url)
        named.insert((row.cell(0)?.text ?? "").trimmingWhitespace())
      }
    }
    for url in wanted where !present.contains(url) {
      rows.append("| [\(url)](\(url)) |  |  |  |  |")
      present.insert(url)
    }
    for name in record.namedReferences.map(InputText.cell) where !name.isEmpty && !named.contains(name) {
      rows.append("| \(name) |  |  |  |  |")
      named.insert(name)
    }
    return rows
  }

  /// `url` as a link destination, or nil when it is no web address: only `http` and `https`, with the characters
  /// that would end a markdown link percent-encoded.
  static func linkable(_ url: String) -> String? {
    let lower = url.lowercased()
    guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
    var result = ""
    for character in url {
      switch character {
      case " ": result += "%20"
      case "(": result += "%28"
      case ")": result += "%29"
      case "<": result += "%3C"
      case ">": result += "%3E"
      case "[": result += "%5B"
      case "]": result += "%5D"
      case "|": result += "%7C"
      case "\\": result += "%5C"
      default: result.append(character)
      }
    }
    return result
  }

  /// The technique table: one row per technique the record uses, by identifier. A technique whose rows on the page
  /// say what the source says (their descriptions joined by a blank line, as `disarm export stix` joins them) keeps
  /// its rows as written; rows naming a technique that is not a live one of this knowledge base (which no source can
  /// name) are kept.
  func techniqueRows(on page: ObjectPage?) -> [String] {
    if record.addsToPage { return addedTechniqueRows(on: page) }
    var existing: [DisarmID: [(text: String, description: String)]] = [:]
    var unnameable: [String] = []
    let folder = kb.framework.kind(.technique)?.folder ?? ObjectKind.technique.folder
    for row in page?.table(firstColumn: kb.words(.technique).title)?.rows ?? [] {
      let target = row.links.first?.targetFileStem.flatMap { kb.id($0) }
      guard let target, let object = kb[target], !object.isStale else {
        unnameable.append(row.source.text)
        continue
      }
      existing[target, default: []].append((row.source.text, row.text(fromCell: 1) ?? ""))
    }
    var rows: [String] = []
    for (id, description) in techniques {
      if let current = existing[id] {
        let said = current.map { $0.description.trimmingWhitespace() }.filter { !$0.isEmpty }
        if InputText.sameText(said.joined(separator: "\n\n"), description) {
          rows += current.map(\.text)
          continue
        }
      }
      let name = kb[id]?.name ?? ""
      rows.append("| [\(id) \(name)](\(kb.framework.linkPrefix)\(folder)/\(id).md) | \(description) |")
    }
    return rows + unnameable
  }

  /// The technique table of a record that adds to its page (`disarm tag`): the page's rows as written, in their
  /// order, with each technique's sentences that no row of that technique already holds added: to the end of the
  /// description of the technique's first row (after a blank line, `<br><br>`; a table lists a technique once, lint's
  /// `duplicate-row`), or, for a technique the page has no row for, in a new row after the page's last row of a
  /// technique at or before it in identifier order. A sentence already in a row is not added again, so tagging the
  /// same report twice changes nothing the second time.
  func addedTechniqueRows(on page: ObjectPage?) -> [String] {
    var rows: [(id: DisarmID?, text: String)] = []
    var said: [DisarmID: [String]] = [:]
    var firstRow: [DisarmID: Int] = [:]
    for row in page?.table(firstColumn: kb.words(.technique).title)?.rows ?? [] {
      let target = row.links.first?.targetFileStem.flatMap { kb.id($0) }
      if let target {
        said[target, default: []].append(InputText.comparable(row.text(fromCell: 1) ?? ""))
        if firstRow[target] == nil { firstRow[target] = rows.count }
      }
      rows.append((target, row.source.text))
    }
    var sentences: [DisarmID: [String]] = [:]
    var order: [DisarmID] = []
    for use in record.techniques {
      guard let id = use.reference.identifiers.first.flatMap({ kb.id($0) }) else { continue }
      if sentences[id] == nil {
        order.append(id)
        sentences[id] = []
      }
      let text = InputText.cell(use.description)
      guard !text.isEmpty, !sentences[id]!.contains(text) else { continue }
      let comparable = InputText.comparable(text)
      if (said[id] ?? []).contains(where: { $0.contains(comparable) }) { continue }
      sentences[id]!.append(text)
    }
    let folder = kb.framework.kind(.technique)?.folder ?? ObjectKind.technique.folder
    for id in order.sorted() {
      let new = (sentences[id] ?? []).joined(separator: "<br><br>")
      if let index = firstRow[id] {
        if !new.isEmpty { rows[index].text = Self.appending(new, toLastCellOf: rows[index].text) }
        continue
      }
      let name = kb[id]?.name ?? ""
      let row = "| [\(id) \(name)](\(kb.framework.linkPrefix)\(folder)/\(id).md) | \(new) |"
      let at = (rows.lastIndex { $0.id.map { $0 <= id } ?? false }).map { $0 + 1 } ?? 0
      rows.insert((id, row), at: at)
      for (other, index) in firstRow where index >= at { firstRow[other] = index + 1 }
    }
    return rows.map(\.text)
  }

  /// `row` (`| … | description |`) with `text` at the end of its last cell, after a blank line (`<br><br>`) when the
  /// cell has text already.
  static func appending(_ text: String, toLastCellOf row: String) -> String {
    var body = Substring(row)
    while let last = body.last, last == " " || last == "\t" { body = body.dropLast() }
    guard body.last == "|", body.count >= 2, body[body.index(before: body.endIndex)...] == "|" else {
      return row + " " + text + " |"
    }
    body = body.dropLast()
    while let last = body.last, last == " " || last == "\t" { body = body.dropLast() }
    return body.last == "|" ? "\(body) \(text) |" : "\(body)<br><br>\(text) |"
  }
}
