import DisarmDiagnostics
import DisarmModel

/// `disarm stats --trend`: the counted incidents per year started, each year with how many incidents name
/// techniques, how many technique uses they record, and the year's most used techniques.
public struct YearTrend: Sendable, Equatable {
  /// One year (nil: incidents without a year started).
  public struct Row: Sendable, Equatable {
    public var year: Int?
    public var incidents: Int
    public var incidentsWithTechniques: Int
    /// Incident–technique pairs of the year's incidents.
    public var techniqueUses: Int
    /// The year's most used techniques (at most three), most used first.
    public var topTechniques: [TechniqueCount]
  }

  public let rows: [Row]

  /// Years in order, from the first to the last with an incident (years between without one get a row of zeros, so
  /// that a chart's axis is even); incidents without a year last.
  public init(_ records: [IncidentRecord], in kb: KnowledgeBase) {
    var byYear: [Int: [IncidentRecord]] = [:]
    var undated: [IncidentRecord] = []
    for record in records {
      if let year = record.year { byYear[year, default: []].append(record) } else { undated.append(record) }
    }
    func row(_ year: Int?, _ members: [IncidentRecord]) -> Row {
      let counts = TechniqueFrequency.counts(members)
      let top = TechniqueFrequency.table(counts, of: members.count, in: kb).filter { $0.incidents > 0 }.prefix(3)
      return Row(
        year: year, incidents: members.count, incidentsWithTechniques: members.count { !$0.techniques.isEmpty },
        techniqueUses: members.reduce(0) { $0 + $1.techniques.count }, topTechniques: Array(top))
    }
    var rows: [Row] = []
    if let first = byYear.keys.min(), let last = byYear.keys.max() {
      for year in first...last { rows.append(row(year, byYear[year] ?? [])) }
    }
    if !undated.isEmpty { rows.append(row(nil, undated)) }
    self.rows = rows
  }
}
