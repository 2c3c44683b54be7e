/// The icon an editor gives a symbol: a page is a class, its fields, tables and rows what they resemble most.
enum SymbolKind: Int, Sendable {
  /// A page, or an object in the workspace's symbols.
  case `class` = 5
  /// A field (`**Tactic**: …`).
  case field = 8
  /// A table row.
  case variable = 13
  /// A table, by its first column.
  case array = 18
}
