import DisarmDiagnostics
import DisarmFramework
import DisarmParser

/// What a kind's index page (`techniques_index.md`) lists: the objects of the release, each with where its row
/// starts. An object page the index does not list is stale; a listed object without a page is an object known by its
/// index row, whose page is missing (`missing-page`).
public struct IndexListing: Sendable {
  /// The index page's path (`techniques_index.md`).
  public let path: String
  /// The kind the index lists; every identifier in `listed` is of it.
  public let kind: ObjectKind
  /// Every identifier in the first column, with its row's position (the first row wins for repeats).
  public let listed: [DisarmID: SourcePosition]
}
