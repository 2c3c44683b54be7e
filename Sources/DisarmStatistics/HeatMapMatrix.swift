import DisarmModel
import DisarmRegeneration

/// The framework matrix with a count on every technique: phases in order, each over its tactics (columns), each
/// tactic over its live techniques (cells, sub-techniques after their parent, in the techniques index's order). The
/// SVG, the site's statistics page and the Navigator layer of `disarm stats` are drawn from it.
public struct HeatMapMatrix: Sendable {
  /// One technique.
  public struct Cell: Sendable, Equatable {
    public var id: DisarmID
    public var name: String
    /// Counted incidents that use it.
    public var count: Int
  }

  /// One tactic and its techniques.
  public struct Column: Sendable, Equatable {
    public var tactic: DisarmID
    public var name: String
    public var cells: [Cell]
  }

  /// One phase over its tactics (`phase` nil: tactics without a phase).
  public struct Band: Sendable, Equatable {
    public var phase: DisarmID?
    public var name: String
    public var columns: [Column]
  }

  public let bands: [Band]
  /// The incidents counted.
  public let incidentCount: Int
  /// The largest count of a cell (0 when no incident names a technique).
  public let maximum: Int
  /// What was counted, in words (`129 incidents`, `12 incidents (countries=Russia)`).
  public let caption: String

  /// The matrix of `records` (the incidents already filtered).
  public init(_ records: [IncidentRecord], filter: IncidentFilter = IncidentFilter(), in kb: KnowledgeBase) {
    let counts = TechniqueFrequency.counts(records)
    let grid = FrameworkGrid.red(kb)
    var listed: [DisarmID: [DisarmID]] = [:]
    for (tactic, column) in zip(grid.tactics, grid.columns) {
      guard let tacticID = kb.id(tactic.idText) else { continue }
      listed[tacticID] = column.compactMap { kb.id($0.idText) }
    }
    var byTactic: [DisarmID: [DisarmID]] = [:]
    for technique in kb.objects(of: .technique) where !technique.isStale {
      if let tactic = TechniqueFrequency.liveTactic(of: technique.id, in: kb) {
        byTactic[tactic, default: []].append(technique.id)
      }
    }
    bands = kb.phaseGroups.map { group in
      let columns = group.tactics.map { tactic in
        let members = Set(byTactic[tactic] ?? [])
        var ordered: [DisarmID] = []
        var seen = Set<DisarmID>()
        for id in listed[tactic] ?? [] where members.contains(id) && seen.insert(id).inserted { ordered.append(id) }
        for id in members.sorted() where seen.insert(id).inserted { ordered.append(id) }
        return Column(
          tactic: tactic, name: kb[tactic]?.name ?? "",
          cells: ordered.map { Cell(id: $0, name: kb[$0]?.name ?? "", count: counts[$0] ?? 0) })
      }
      return Band(phase: group.phase, name: group.phase.flatMap { kb[$0]?.name } ?? "", columns: columns)
    }
    incidentCount = records.count
    maximum = bands.flatMap(\.columns).flatMap(\.cells).map(\.count).max() ?? 0
    let noun = records.count == 1 ? kb.words(.incident).singular : kb.words(.incident).plural
    caption = "\(records.count) \(noun)" + (filter.isEmpty ? "" : " (\(filter.summary))")
  }

  /// Every cell, column by column.
  public var cells: [Cell] { bands.flatMap(\.columns).flatMap(\.cells) }
}
