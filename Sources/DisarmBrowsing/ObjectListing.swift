import DisarmDiagnostics
import DisarmFramework
import DisarmModel

/// What `disarm list` prints: the objects of some kinds, optionally only those of one tactic or one parent technique,
/// one row each (identifier, kind, name, tactic, file; and for an extension, `origin`: local or upstream), as an
/// aligned table, CSV or JSON. The rows are worked out once, so that each format only renders (CSV with `CSVTable`
/// of DisarmRegeneration, from `header` and `rows`).
public struct ObjectListing: Sendable {
  /// The columns of a knowledge base that extends nothing, in order; the table prints them in capitals, CSV and JSON
  /// as they are.
  public static let columns = ["id", "kind", "name", "tactic", "file"]
  /// The columns of this listing: ``columns``, and `origin` for an extension.
  public let header: [String]
  /// One row per object listed, in the order of `kinds`, then the knowledge base's order.
  public let rows: [[String]]

  /// Lists the objects of `kinds` in `kb`: only those of `tactic` and sub-techniques of `parent` when given, and
  /// stale pages only when `includeStale`.
  public init(_ kb: KnowledgeBase, kinds: [ObjectKind], tactic: DisarmID?, parent: DisarmID?, includeStale: Bool) {
    let objects = kinds.flatMap { kb.objects(of: $0) }.filter { object in
      (includeStale || !object.isStale) && (tactic == nil || kb.tactic(of: object.id) == tactic)
        && (parent == nil || object.id.parentTechnique == parent)
    }
    header = Self.columns + (kb.upstream == nil ? [] : ["origin"])
    rows = objects.map { object in
      [object.id.string, object.kind.rawValue, object.name, kb.tactic(of: object.id)?.string ?? "", object.file]
        + (kb.origin(of: object.id).map { [$0.rawValue] } ?? [])
    }
  }

  /// The aligned table for a terminal, its text made inert.
  public func table() -> String {
    Table.aligned(header: header.map { $0.uppercased() }, rows: rows.map { $0.map(TerminalText.inert) })
  }

  /// A JSON array with one object per row, its members named by the header.
  public func json() -> JSONValue {
    .array(rows.map { row in .object(Dictionary(uniqueKeysWithValues: zip(header, row.map { .string($0) }))) })
  }
}
