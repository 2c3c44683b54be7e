import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// An object page regenerated in its own layout: the page's bytes are the template, and only what is derived is
/// replaced in place. The order of its fields and tables, its heading form, its field syntax, its blank lines and
/// trailing spaces are data read from the page; the renderer does not know or impose any of them. What is derived:
///
/// - the rows of the derived tables (a tactic's tasks, techniques and counters; a technique's incidents and
///   counters; an actor type's or metatechnique's counters), in the page's own link style;
/// - the name in the link text of owned rows (an incident's techniques, a counter's actor types), the destination
///   kept as written;
/// - on a technique page, the tactic's and the parent's name after their identifiers, where the page writes a name
///   (`**Tactic**: TA07 Name `), never where it writes the identifier alone (`**Belongs to tactic stage**: TA02`).
///
/// Every DISARM template (2022, 2025 and the one-day variants between them, such as 2025-02-05's technique pages
/// with `**Belongs to tactic stage**: TA02` after the Associated Technique table) is reproduced this way without
/// being described. A page that lacks a derived table which now has rows has no place for them: it cannot be
/// regenerated in its own layout (``Result/unreproducible``), and is reported and left alone rather than moved to
/// a template's layout.
enum KeptLayoutPage {
  /// The page regenerated, or why its layout cannot hold what is derived.
  enum Result {
    case bytes([UInt8])
    /// The page has no place for `table`'s `rows`.
    case unreproducible(UnreproducibleLayout)
  }

  static func render(_ object: DisarmObject, page: ObjectPage, in kb: KnowledgeBase) -> Result {
    let bytes = page.file.bytes
    var edits: [(range: Range<Int>, text: String)] = []
    for (kind, rows) in derivedTables(of: object, in: kb) {
      let table = page.table(firstColumn: kb.firstColumn(of: kind))
      guard let table else {
        if rows.isEmpty { continue }
        return .unreproducible(
          UnreproducibleLayout(path: page.path, table: kb.firstColumn(of: kind), rows: rows.count))
      }
      let written = kb.inPageLinkStyle(rows, kind, on: page).map { cut($0, toColumnsOf: table) + "\n" }
      edits.append((FieldedPage.rowRange(of: table, in: bytes), written.joined()))
    }
    for kind in TableKind.allCases where !kind.isDerived && kind != .references {
      guard let table = page.table(firstColumn: kb.firstColumn(of: kind)) else { continue }
      for row in table.rows { edits += linkNameEdit(row, in: kb) }
    }
    if object.kind == .technique {
      edits += fieldNameEdit("tactic", on: page, in: kb, keepsSeparatingSpace: true)
      edits += fieldNameEdit("parent", on: page, in: kb, keepsSeparatingSpace: false)
    }
    var output = PageEdits.applied(edits, to: bytes)
    if page.notes == nil {
      // The marker the generator always wrote goes back, on a line of its own.
      if let last = output.last, last != UInt8(ascii: "\n") { output.append(UInt8(ascii: "\n")) }
      output += Array(Notes.marker.utf8)
    }
    return .bytes(output)
  }

  /// The derived tables of `object`'s page and their rows, as the model says they should be.
  static func derivedTables(of object: DisarmObject, in kb: KnowledgeBase) -> [(TableKind, [String])] {
    let id = object.id
    switch object.kind {
    case .tactic:
      return [
        (.tasks, TacticTables.taskRows(for: id, in: kb)), (.techniques, TacticTables.techniqueRows(for: id, in: kb)),
        (.counters, CountersTable.rows(forTactic: id, in: kb)),
      ]
    case .technique:
      return [
        (.incidents, IncidentsTable.rows(for: id, in: kb)), (.counters, CountersTable.rows(forTechnique: id, in: kb)),
      ]
    case .actorType: return [(.counters, CountersTable.rows(forActorType: id, in: kb))]
    case .metatechnique: return [(.counters, CountersTable.rows(forMetatechnique: id, in: kb))]
    default: return []
    }
  }

  /// `row` with only as many cells as `table`'s header has: a one-column `| Counters |` table (AMITT's technique
  /// pages) gets the counter's link without its response type.
  static func cut(_ row: String, toColumnsOf table: MarkdownTable) -> String {
    guard table.columns.count == 1, let end = row.firstRange(ofLiteral: " | ") else { return row }
    return String(row[..<end.lowerBound]) + " |"
  }

  /// The edit that writes the derived name into an owned row's link text (`[T0007 Name]`), if the row links to an
  /// object and its text differs.
  static func linkNameEdit(_ row: TableRow, in kb: KnowledgeBase) -> [(range: Range<Int>, text: String)] {
    guard let (id, written) = ObjectLink.target(of: row, in: kb), let link = row.links.first else { return [] }
    let text = "\(id) \(ObjectLink.name(of: id, in: kb, fallback: written))"
    let current = link.text
    var derived = text
    let same = derived.withUTF8 { derived in current.utf8.withUnsafeBufferPointer { $0.elementsEqual(derived) } }
    return same ? [] : [(current.offsets, text)]
  }

  /// The edit that writes the derived name of `relation`'s target after its identifier in the page's field, where
  /// the page writes a name there. With `keepsSeparatingSpace`, the one space the 2025 template wrote after the
  /// name (`**Tactic**: TA07 Name <br><br>…`) stays after a changed name.
  static func fieldNameEdit(
    _ relation: String, on page: ObjectPage, in kb: KnowledgeBase, keepsSeparatingSpace: Bool
  ) -> [(range: Range<Int>, text: String)] {
    guard let field = kb.field(relation, on: page) else { return [] }
    let value = field.value.utf8
    let codeStart = value.firstIndex { $0 != UInt8(ascii: " ") } ?? value.endIndex
    let code = FieldValue.leadingCode(field.value.text)
    let restStart = codeStart + code.utf8.count + 1
    guard !code.isEmpty, let id = kb.id(code), kb[id] != nil, restStart <= value.endIndex,
      value[restStart - 1] == UInt8(ascii: " "),
      value[restStart...].contains(where: { $0 != UInt8(ascii: " ") })
    else { return [] }
    // The name as written runs to the end of the value (the 2025 template's `<br><br>` separator is not part of it).
    let rest = String(decoding: value[restStart...], as: UTF8.self)
    let name = ObjectLink.name(of: id, in: kb)
    if rest.hasPrefix(name), rest.dropFirst(name.count).allSatisfy({ $0 == " " }) { return [] }
    let end = value.endIndex
    let separator = keepsSeparatingSpace && rest.hasSuffix(" ") ? " " : ""
    return [(restStart..<end, name + separator)]
  }
}

/// A page whose own layout has no place for what regeneration derives (a technique page without an Incident table
/// while incidents use the technique): reported by `layout-not-reproducible` and left as it is.
public struct UnreproducibleLayout: Sendable, Hashable {
  public var path: String
  /// The first-column header of the table the page lacks.
  public var table: String
  /// How many rows it would hold.
  public var rows: Int
}
