import DisarmDiagnostics

/// A table written in HTML (`<table>`, `<tr>`, `<td>`), as DISARM's whole-knowledge-base pages are.
public struct HTMLTable: Hashable, Sendable {
  /// Every `<tr>` with at least one cell, header rows included, in source order.
  public var rows: [HTMLTableRow]
}

/// One `<tr>` of an HTML table.
public struct HTMLTableRow: Hashable, Sendable {
  /// In source order; their number is not checked against the header's.
  public var cells: [HTMLTableCell]
  /// Where the row's first cell starts.
  public var start: SourcePosition
  /// Whether the cells are `<th>` header cells.
  public var isHeader: Bool
}

/// One `<td>` or `<th>` cell: its inner text exactly as written, and the first link inside it.
public struct HTMLTableCell: Hashable, Sendable {
  /// Everything between `<td>` and `</td>`, exactly.
  public var source: SourceText
  /// The `href` of the first `<a>` in the cell. Worked out when asked for, like ``text``: index pages of a large
  /// knowledge base have hundreds of thousands of cells, and storing both strings for each doubled their memory.
  public var href: String? { HTMLTableReader.href(in: source) }
  /// The cell's text with tags removed and entities left as written, trimmed.
  public var text: String { HTMLTableReader.plainText(of: source) }
}
