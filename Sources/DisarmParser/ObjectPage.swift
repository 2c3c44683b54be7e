import DisarmDiagnostics
import DisarmFramework

/// One object page (`techniques/T0151.008.md`) read into its parts, every part with its exact source text.
///
/// Nothing is dropped: text that is neither heading, field nor table is kept in `otherText`, and everything from
/// the notes marker on is kept byte for byte in `notes`.
public final class ObjectPage: Sendable {
  /// The page's source.
  public let file: SourceFile
  /// The kind named by the page's folder.
  public let kind: ObjectKind
  /// The file name without `.md`, exactly (it may hold spaces or be empty in damaged knowledge bases).
  public let fileStem: String
  /// Which generation's layout the page follows, as recognised from its fields.
  public let template: PageTemplate
  /// The level-1 heading, or nil when the page has none (a finding, not a parse failure).
  public let heading: Heading?
  /// Every bold-label field, in page order, each with its exact source.
  public let fields: [Field]
  /// Every pipe table in page order; pages find theirs by the first column (``table(firstColumn:)``).
  public let tables: [MarkdownTable]
  /// Paragraphs and other blocks that are neither the heading, a field, nor a table.
  public let otherText: [SourceText]
  /// Identifiers mentioned in prose (fields, table cells outside links, other text), in source order.
  public let references: [InlineReference]
  /// The notes section, or nil when the page has no marker line.
  public let notes: Notes?

  /// Takes the parts as the parser found them; nothing here checks them against each other.
  public init(
    file: SourceFile, kind: ObjectKind, fileStem: String, template: PageTemplate, heading: Heading?, fields: [Field],
    tables: [MarkdownTable], otherText: [SourceText], references: [InlineReference], notes: Notes?
  ) {
    self.file = file
    self.kind = kind
    self.fileStem = fileStem
    self.template = template
    self.heading = heading
    self.fields = fields
    self.tables = tables
    self.otherText = otherText
    self.references = references
    self.notes = notes
  }

  /// The path relative to the page folder (`techniques/T0151.008.md`).
  public var path: String { file.path }

  /// The first field whose key (lower-cased label) is one of `keys`.
  public func field(_ keys: String...) -> Field? {
    fields.first { keys.contains($0.key) }
  }

  /// The first table whose first column header is `firstColumn` (case-insensitive).
  public func table(firstColumn: String) -> MarkdownTable? {
    // Callers pass lower-case words (`incident`): those need no lower-casing, which makes a string per look-up.
    let key =
      firstColumn.utf8.allSatisfy({ $0 < 0x80 && !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) })
      ? firstColumn : firstColumn.lowercased()
    for index in tables.indices where tables[index].firstColumnKey == key { return tables[index] }
    return nil
  }

  /// The links of every table row, in order.
  public var links: [Link] { tables.flatMap { $0.rows.flatMap(\.links) } }
}
