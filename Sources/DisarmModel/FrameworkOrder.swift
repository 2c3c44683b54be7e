import DisarmFramework
import DisarmParser

/// The order of tactics in the framework: the columns of the red framework matrix when the knowledge base has one,
/// else the non-stale tactics by identifier.
enum FrameworkOrder {
  static func tactics(
    wholePages: [WholePage], objects: [DisarmID: DisarmObject], syntax: IdentifierSyntax
  ) -> [DisarmID] {
    if let red = wholePages.first(where: { $0.role == .framework(red: true) }) {
      for row in red.table.rows {
        let ids = row.cells.compactMap { cell -> DisarmID? in
          guard let href = cell.href, href.hasSuffix(".md") else { return nil }
          let stem = href.split(separator: "/").last.map { String($0.dropLast(3)) } ?? ""
          return DisarmID(stem, in: syntax)
        }
        if !ids.isEmpty, ids.allSatisfy({ $0.kind == .tactic }) { return ids }
      }
    }
    return objects.values.filter { $0.kind == .tactic && !$0.isStale }.map(\.id).sorted()
  }
}
