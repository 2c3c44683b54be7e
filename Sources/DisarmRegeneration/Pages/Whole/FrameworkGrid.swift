import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser

/// The red (techniques) or blue (counters) framework as a grid: one column per tactic in framework order, each
/// column the tactic's techniques or counters. The markdown matrices, the ID grids (CSV) and the clickable HTML
/// matrices are all drawn from it.
public struct FrameworkGrid: Sendable {
  /// One object shown in the grid.
  public struct Item: Sendable, Equatable {
    /// The identifier as written (the file name for an unassigned page an index still lists).
    public var idText: String
    /// The name exactly as the owning page writes it.
    public var name: String
    /// The page folder (`techniques`, `counters`, `tactics`).
    public var folder: String

    /// `idText` is not checked, so that an unassigned page an index still lists can appear in the grid.
    public init(idText: String, name: String, folder: String) {
      self.idText = idText
      self.name = name
      self.folder = folder
    }

    /// The page, relative to the page folder (`techniques/T0001.md`).
    public var path: String { "\(folder)/\(idText).md" }
  }

  /// True for the red framework (techniques), false for the blue (counters).
  public var isRed: Bool
  /// The tactics, in framework order (``KnowledgeBase/tacticOrder``).
  public var tactics: [Item]
  /// For each tactic, its techniques or counters.
  public var columns: [[Item]]

  /// A grid with `columns[i]` under `tactics[i]`.
  public init(isRed: Bool, tactics: [Item], columns: [[Item]]) {
    precondition(tactics.count == columns.count, "one column per tactic")
    self.isRed = isRed
    self.tactics = tactics
    self.columns = columns
  }

  /// The number of rows below the tactic row: the longest column's length.
  public var rowCount: Int { columns.map(\.count).max() ?? 0 }

  /// The item at `row` of column `column`, or nil where the column is shorter.
  public func item(row: Int, column: Int) -> Item? {
    row < columns[column].count ? columns[column][row] : nil
  }

  /// The same grid with its columns grouped under their phases, in phase order, each phase once
  /// (``KnowledgeBase/tacticsInPhaseOrder``): the order of every matrix drawn for people (the site). The markdown
  /// matrices keep the generator's order, which regeneration must reproduce.
  public func inPhaseOrder(_ kb: KnowledgeBase) -> FrameworkGrid {
    var rank: [String: Int] = [:]
    for (index, tactic) in kb.tacticsInPhaseOrder.enumerated() where rank[tactic.string] == nil {
      rank[tactic.string] = index
    }
    let order = tactics.indices.sorted { lhs, rhs in
      let left = rank[tactics[lhs].idText] ?? Int.max
      let right = rank[tactics[rhs].idText] ?? Int.max
      return left != right ? left < right : lhs < rhs
    }
    return FrameworkGrid(isRed: isRed, tactics: order.map { tactics[$0] }, columns: order.map { columns[$0] })
  }

  /// The red framework: each tactic's non-stale techniques, in the techniques index's order (DISARM's spreadsheet
  /// order, which its generator keeps; identifier order when there is no index).
  public static func red(_ kb: KnowledgeBase) -> FrameworkGrid {
    build(kb, kind: .technique, isRed: true, rows: ListedRow.rows(of: .technique, in: kb))
  }

  /// The blue framework: each tactic's non-stale counters, by identifier (DISARM's generator sorts counters).
  public static func blue(_ kb: KnowledgeBase) -> FrameworkGrid {
    blue(kb, counters: ListedRow.rows(of: .counter, in: kb))
  }

  /// The blue framework from the counters' listed rows already read.
  static func blue(_ kb: KnowledgeBase, counters: [ListedRow]) -> FrameworkGrid {
    let rows = counters.enumerated().sorted { lhs, rhs in
      lhs.element.idText != rhs.element.idText ? lhs.element.idText < rhs.element.idText : lhs.offset < rhs.offset
    }.map(\.element)
    return build(kb, kind: .counter, isRed: false, rows: rows)
  }

  private static func build(_ kb: KnowledgeBase, kind: ObjectKind, isRed: Bool, rows: [ListedRow]) -> FrameworkGrid {
    var byTactic: [DisarmID: [Item]] = [:]
    for row in rows {
      guard let tactic = row.tactic(in: kb) else { continue }
      byTactic[tactic, default: []].append(Item(idText: row.idText, name: row.name, folder: kind.folder))
    }
    let tactics = kb.tacticOrder.map { Item(idText: $0.string, name: kb.writtenName(of: $0) ?? "", folder: "tactics") }
    return FrameworkGrid(isRed: isRed, tactics: tactics, columns: kb.tacticOrder.map { byTactic[$0] ?? [] })
  }
}
