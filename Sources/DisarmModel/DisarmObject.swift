import DisarmParser

/// One object of the knowledge base, with the page (or index row) it was read from.
public struct DisarmObject: Sendable {
  /// From the page's file name, or from the first cell of the index row for objects without pages.
  public var id: DisarmID
  /// The name, trimmed, as the owning page's heading (or index row) gives it.
  public var name: String
  /// The summary exactly as written, if the object has one.
  public var summary: SourceText?
  /// Every field of the page, exactly as read, in page order.
  public var fields: [Field]
  /// Extra values read from tables the object owns (incident sources) or from index columns (detections).
  public var attributes: [(key: String, value: String)]
  /// Where the object is defined: its page, or the index page row for objects without pages.
  public var file: String
  /// 1-based line in `file`: the page's heading (1 without one), or the index row.
  public var line: Int
  /// The page, for objects that have one.
  public var page: ObjectPage?
  /// True when the knowledge base has an index for this kind and the index does not list the object: a page
  /// DISARM's generator left behind after the object was dropped.
  public var isStale: Bool

  /// An object as the loader reads it; the linker marks it stale later, once the kind's index is known.
  public init(
    id: DisarmID, name: String, summary: SourceText?, fields: [Field], attributes: [(key: String, value: String)] = [],
    file: String, line: Int, page: ObjectPage?, isStale: Bool = false
  ) {
    self.id = id
    self.name = name
    self.summary = summary
    self.fields = fields
    self.attributes = attributes
    self.file = file
    self.line = line
    self.page = page
    self.isStale = isStale
  }

  /// The kind the identifier names, which for a page is also its folder's kind.
  public var kind: ObjectKind { id.kind }

  /// The template of the object's page.
  public var template: PageTemplate? { page?.template }
}
