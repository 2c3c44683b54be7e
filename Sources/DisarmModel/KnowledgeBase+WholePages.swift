import DisarmFramework
import DisarmParser

/// What the derived whole-knowledge-base pages need from the model beyond objects and relations: which rows an
/// index lists and in what order, and the cells of an existing index row (for the columns only an index holds).
extension KnowledgeBase {
  /// One row of a kind's listing: an object, or a page the existing index lists under a written identifier that is
  /// not a valid one (DISARM's 2022 `techniques/T0039 .md`, the blank `incidents/.md`), which the model leaves
  /// unassigned but the index still shows.
  public enum ListedEntry: Sendable {
    /// A current object the index names.
    case object(DisarmObject)
    /// A page whose file name the index links to exactly, though it is not a valid identifier.
    case unassignedPage(ObjectPage)
  }

  /// The existing index page of `kind` (`techniques_index.md`, `responsetype_index.md`), if the knowledge base has
  /// one.
  public func indexPage(of kind: ObjectKind) -> WholePage? {
    wholePages.first { $0.role == .index(kind) }
  }

  /// The rows a derived index of `kind` shows, in order.
  ///
  /// Which objects a release has, and their order, are owned by the kind's existing index (DISARM's spreadsheet
  /// order, which is not always identifier order: `tasks_index.md`). With an index, its rows are followed in order;
  /// a row is kept when it names a current object, or when its link's file name is exactly that of an unassigned
  /// page of the kind (repeated as often as the index repeats it); rows that name nothing the model holds are
  /// dropped. Current objects the index does not list (only possible for kinds without an index) follow by
  /// identifier. Without an index: every non-stale object of the kind, by identifier.
  public func listing(of kind: ObjectKind) -> [ListedEntry] {
    let current = objects(of: kind).filter { !$0.isStale }
    guard let index = indexPage(of: kind) else { return current.map { .object($0) } }
    var unassignedByStem: [String: ObjectPage] = [:]
    for page in unassignedPages where page.kind == kind && unassignedByStem[page.fileStem] == nil {
      unassignedByStem[page.fileStem] = page
    }
    var entries: [ListedEntry] = []
    var seen = Set<DisarmID>()
    for row in index.table.rows where !row.isHeader {
      guard let first = row.cells.first else { continue }
      let stem = first.href.map(IndexReader.fileStem) ?? first.text
      if let id = id(stem), id.kind == kind {
        if let object = objects[id], !object.isStale {
          entries.append(.object(object))
          seen.insert(id)
        }
      } else if let page = unassignedByStem[stem] {
        entries.append(.unassignedPage(page))
      }
    }
    entries += current.filter { !seen.contains($0.id) }.map { .object($0) }
    return entries
  }

  /// The cells of each row of the existing index of `kind`, keyed by the row's identifier, then by column header
  /// (`tactic`, `responsetype`). The first row wins when an identifier is listed twice.
  public func indexRows(of kind: ObjectKind) -> [DisarmID: [String: HTMLTableCell]] {
    guard let index = indexPage(of: kind) else { return [:] }
    let header = index.table.rows.first(where: \.isHeader)?.cells.map(\.text) ?? []
    var rows: [DisarmID: [String: HTMLTableCell]] = [:]
    for row in index.table.rows where !row.isHeader {
      guard let first = row.cells.first else { continue }
      let stem = first.href.map(IndexReader.fileStem) ?? first.text
      guard let id = id(stem), rows[id] == nil else { continue }
      var cells: [String: HTMLTableCell] = [:]
      for (column, cell) in zip(header, row.cells) where cells[column] == nil { cells[column] = cell }
      rows[id] = cells
    }
    return rows
  }
}
