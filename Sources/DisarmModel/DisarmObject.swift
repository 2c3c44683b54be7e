import DisarmDiagnostics
import DisarmFramework
import DisarmParser

/// One object of the knowledge base, with the page (or index row) it was read from.
///
/// A class, not a struct: every command sorts, filters and passes objects around many times, and copying a value
/// of seven reference-counted parts cost a sixth of `lint`'s time in retains and releases. Objects never change
/// once linked; the linker replaces an object by ``markedStale()`` rather than mutating it.
public final class DisarmObject: Sendable {
  /// From the page's file name, or from the first cell of the index row for objects without pages.
  public let id: DisarmID
  /// The name, trimmed, as the owning page's heading (or index row) gives it.
  public let name: String
  /// For an object defined by an index row, its name cell exactly as written (trailing spaces kept: the generator
  /// copied the spreadsheet's cell into every link text, `[T0126.001 Call to action to attend ](…)`); nil for an
  /// object read from a page, whose heading holds the exact name.
  public let rowName: SourceText?
  /// The summary exactly as written, if the object has one.
  public let summary: SourceText?
  /// Every field of the page, exactly as read, in page order.
  public let fields: [Field]
  /// Extra values read from tables the object owns (incident sources) or from index columns (detections).
  public let attributes: [(key: String, value: String)]
  /// Where the object is defined: its page, or the index page row for objects without pages.
  public let file: String
  /// 1-based line in `file`: the page's heading (1 without one), or the index row.
  public let line: Int
  /// The page, for objects that have one.
  public let page: ObjectPage?
  /// True when the knowledge base has an index for this kind and the index does not list the object: a page
  /// DISARM's generator left behind after the object was dropped.
  public let isStale: Bool

  /// An object as the loader reads it; the linker marks it stale later, once the kind's index is known.
  public init(
    id: DisarmID, name: String, rowName: SourceText? = nil, summary: SourceText?, fields: [Field],
    attributes: [(key: String, value: String)] = [], file: String, line: Int, page: ObjectPage?, isStale: Bool = false
  ) {
    self.id = id
    self.name = name
    self.rowName = rowName
    self.summary = summary
    self.fields = fields
    self.attributes = attributes
    self.file = file
    self.line = line
    self.page = page
    self.isStale = isStale
  }

  /// The same object, marked as a page its kind's index does not list.
  public func markedStale() -> DisarmObject {
    DisarmObject(
      id: id, name: name, rowName: rowName, summary: summary, fields: fields, attributes: attributes, file: file,
      line: line, page: page, isStale: true)
  }

  /// The kind the identifier names, which for a page is also its folder's kind.
  public var kind: ObjectKind { id.kind }

  /// The name exactly as its owner writes it: the page heading's name text, else the index row's name cell, else the
  /// trimmed name. Derived pages write this one.
  public var writtenName: String { page?.heading?.name?.text ?? rowName?.text ?? name }

  /// The template of the object's page.
  public var template: PageTemplate? { page?.template }
}
