/// One object page (`techniques/T0151.008.md`) read into its parts, every part with its exact source text.
///
/// Nothing is dropped: text that is neither heading, field nor table is kept in `otherText`, and everything from
/// the notes marker on is kept byte for byte in `notes`.
public struct ObjectPage: Sendable {
  /// The page's source.
  public var file: SourceFile
  /// The kind named by the page's folder.
  public var kind: ObjectKind
  /// The file name without `.md`, exactly (it may hold spaces or be empty in damaged knowledge bases).
  public var fileStem: String
  public var template: PageTemplate
  public var heading: Heading?
  public var fields: [Field]
  public var tables: [MarkdownTable]
  /// Paragraphs and other blocks that are neither the heading, a field, nor a table.
  public var otherText: [SourceText]
  /// Identifiers mentioned in prose (fields, table cells outside links, other text), in source order.
  public var references: [InlineReference]
  /// The notes section, or nil when the page has no marker line.
  public var notes: Notes?
  /// Problems met while reading the page.
  public var diagnostics: [Diagnostic]

  /// The path relative to the page folder (`techniques/T0151.008.md`).
  public var path: String { file.path }

  /// The first field whose key (lower-cased label) is one of `keys`.
  public func field(_ keys: String...) -> Field? {
    fields.first { keys.contains($0.key) }
  }

  /// The first table whose first column header is `firstColumn` (case-insensitive).
  public func table(firstColumn: String) -> MarkdownTable? {
    tables.first { $0.columns.first?.lowercased() == firstColumn.lowercased() }
  }

  /// The links of every table row, in order.
  public var links: [Link] { tables.flatMap { $0.rows.flatMap(\.links) } }
}
