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
    // Every regenerated page looks its tables up by name (`Incident`): an ASCII name is compared with an ASCII key
    // on their bytes, the name's capitals folded, rather than lower-cased into a new string per look-up.
    var name = firstColumn
    let found = name.withUTF8 { nameBytes -> Int? in
      guard !nameBytes.contains(where: { $0 >= 0x80 }) else {
        let lowered = firstColumn.lowercased()
        return tables.firstIndex { $0.firstColumnKey == lowered }
      }
      return tables.indices.first { index in
        var key = tables[index].firstColumnKey
        return key.withUTF8 { keyBytes in
          guard !keyBytes.contains(where: { $0 >= 0x80 }) else {
            return tables[index].firstColumnKey == firstColumn.lowercased()
          }
          guard keyBytes.count == nameBytes.count else { return false }
          for offset in 0..<keyBytes.count {
            let byte = nameBytes[offset]
            if keyBytes[offset] != (byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte) { return false }
          }
          return true
        }
      }
    }
    return found.map { tables[$0] }
  }

  /// The links of every table row, in order.
  public var links: [Link] { tables.flatMap { $0.rows.flatMap(\.links) } }
}
