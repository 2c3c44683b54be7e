import DisarmDiagnostics

/// A pipe table, read from the source lines of the paragraph libcmark made of it (plain libcmark has no tables).
public struct MarkdownTable: Hashable, Sendable {
  /// The header line, e.g. `| Incident | Descriptions given for this incident |`.
  public var header: SourceText
  /// Header cells, trimmed (`Incident`, `Descriptions given for this incident`).
  public var columns: [String]
  /// The delimiter line, e.g. `| -------- | -------------------- |`, exactly as written.
  public var delimiter: SourceText?
  /// Body rows in source order.
  public var rows: [TableRow]

  /// Works out ``firstColumnKey`` from `columns` once, here, since pages look tables up by it.
  public init(header: SourceText, columns: [String], delimiter: SourceText?, rows: [TableRow]) {
    self.header = header
    self.columns = columns
    self.delimiter = delimiter
    self.rows = rows
    self.firstColumnKey = columns.first?.lowercased() ?? ""
  }

  /// The first column's header, lower-cased: how pages find their tables (`incident`, `counters`).
  public let firstColumnKey: String

  /// The header cells joined by `|`, lower-cased: a key for recognising which table this is.
  public var key: String { columns.map { $0.lowercased() }.joined(separator: "|") }
}

/// One body row of a pipe table. A row can continue over several source lines: a line that does not start with `|`
/// continues the row before it.
public struct TableRow: Hashable, Sendable {
  /// The whole row, all of its lines, exactly as written (without the final line terminator).
  public var source: SourceText
  /// The cells between the pipes, each with one leading and one trailing space removed, positions kept.
  public var cells: [SourceText]
  /// Links in the row, in order.
  public var links: [Link]
  /// Whether the row ends with a closing `|`.
  public var isClosed: Bool

  /// The cell at `index`, or nil when the row has fewer cells.
  public func cell(_ index: Int) -> SourceText? { index < cells.count ? cells[index] : nil }
}

extension TableRow {
  /// The source from the start of cell `index` to the end of the last cell (see ``text(fromCell:)``).
  public func source(fromCell index: Int) -> SourceText? {
    guard index < cells.count else { return nil }
    if index == cells.count - 1 { return cells[index] }
    return cells[index].slice(cells[index].offsets.lowerBound..<cells[cells.count - 1].offsets.upperBound)
  }

  /// The exact text from the start of cell `index` to the end of the last cell: the cell's value, including any
  /// unescaped `|` that split it into more cells than the header has.
  public func text(fromCell index: Int) -> String? {
    guard index < cells.count else { return nil }
    if index == cells.count - 1 { return cells[index].text }
    let start = cells[index].range.start.offset - source.range.start.offset
    let end = cells[cells.count - 1].range.end.offset - source.range.start.offset
    let utf8 = Array(source.text.utf8)
    guard start >= 0, end <= utf8.count, start <= end else { return cells[index].text }
    return String(decoding: utf8[start..<end], as: UTF8.self)
  }
}
