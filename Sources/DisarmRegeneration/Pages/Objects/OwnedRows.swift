import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// Rows of tables a page owns (an incident's techniques, a counter's actor types and techniques): the identifier
/// and every other cell exactly as read, the link text's name derived from the target's heading.
enum OwnedRows {
  /// The rows of `page`'s table `kind`, rebuilt: `| [ID Name](…) | other cells as written |`. A row with no link
  /// to an object is kept as written.
  static func rows(of kind: TableKind, on page: ObjectPage, in kb: KnowledgeBase) -> [String] {
    guard let table = page.table(firstColumn: kb.firstColumn(of: kind)) else { return [] }
    return table.rows.map { row(from: $0, in: kb) }
  }

  /// The rows of `page`'s table `kind` exactly as written (tables whose links point outside the knowledge base,
  /// such as an incident's references).
  static func verbatimRows(of kind: TableKind, on page: ObjectPage, in kb: KnowledgeBase) -> [String] {
    page.table(firstColumn: kb.firstColumn(of: kind))?.rows.map(\.source.text) ?? []
  }

  /// One owned row with its link's name derived. The destination is the page's own, exactly as written: a one-day
  /// template variant's `../generated_pages/…`, a link into an older folder, or a broken link (reported by
  /// `broken-link`) are kept, not silently rewritten.
  static func row(from row: TableRow, in kb: KnowledgeBase) -> String {
    guard let (id, written) = ObjectLink.target(of: row, in: kb), let destination = row.links.first?.destination
    else { return row.source.text }
    let link = "[\(id) \(ObjectLink.name(of: id, in: kb, fallback: written))](\(destination.text))"
    let close = row.isClosed ? " |" : ""
    guard let rest = row.text(fromCell: 1) else { return "| \(link)\(close)" }
    return "| \(link) | \(rest)\(close)"
  }
}
