import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// A page of a framework whose pages carry their identifier as a field (AMITT 2019: `# Create fake Social Media
/// Profiles`, `* Id: T0007`, `* Tactic: TA03`). Everything on such a page is owned except the rows of its derived
/// tables (a technique's incidents, a tactic's tasks and techniques), so the page is kept byte for byte and only
/// those rows are recomputed in place: the heading, every field and its spacing, and the blank lines AMITT's
/// generator left between tables stay exactly as written.
enum FieldedPage {
  /// A derived table: what it lists, and the label and header lines AMITT's generator wrote for it (used only to
  /// add the table to a page that lost it).
  struct DerivedTable {
    var kind: TableKind
    var rows: [String]
    var label: String
    var header: String
  }

  static func render(_ object: DisarmObject, page: ObjectPage, in kb: KnowledgeBase) -> [UInt8] {
    let bytes = page.file.bytes
    var edits: [(range: Range<Int>, text: String)] = []
    for table in derivedTables(of: object, in: kb) {
      let rows = kb.inPageLinkStyle(table.rows, table.kind, on: page).map { $0 + "\n" }.joined()
      if let existing = page.table(firstColumn: kb.firstColumn(of: table.kind)) {
        edits.append((rowRange(of: existing, in: bytes), rows))
      } else if !table.rows.isEmpty {
        // The page lost the table: it goes back, as AMITT's generator wrote it, before the notes.
        let end = page.notes?.markerOffset ?? bytes.count
        edits.append((end..<end, "* \(table.label):\n\n\(table.header)\n\(rows)\n"))
      }
    }
    return PageEdits.applied(edits, to: bytes)
  }

  /// The derived tables of `object`'s page.
  static func derivedTables(of object: DisarmObject, in kb: KnowledgeBase) -> [DerivedTable] {
    switch object.kind {
    case .technique:
      return [
        DerivedTable(
          kind: .incidents, rows: IncidentsTable.rows(for: object.id, in: kb), label: "Incidents",
          header: "| Incident | Descriptions given for this incident |\n| -------- | -------------------- |")
      ]
    case .tactic:
      return [
        DerivedTable(
          kind: .tasks, rows: TacticTables.taskRows(for: object.id, in: kb), label: "Tasks",
          header: "| Task |\n| ---- |"),
        DerivedTable(
          kind: .techniques, rows: TacticTables.techniqueRows(for: object.id, in: kb), label: "Techniques",
          header: "| Technique |\n| --------- |"),
      ]
    default:
      return []
    }
  }

  /// The bytes the table's rows occupy, from the start of the first row to the end of the last row's line; for a
  /// table without rows, the empty range just after its delimiter line (or header line).
  static func rowRange(of table: MarkdownTable, in bytes: [UInt8]) -> Range<Int> {
    func endOfLine(_ offset: Int) -> Int {
      var index = offset
      while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
      return min(index + 1, bytes.count)
    }
    if let first = table.rows.first, let last = table.rows.last {
      return first.source.offsets.lowerBound..<endOfLine(last.source.offsets.upperBound)
    }
    let end = endOfLine((table.delimiter ?? table.header).offsets.upperBound)
    return end..<end
  }
}
