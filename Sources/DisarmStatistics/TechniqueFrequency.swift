import DisarmDiagnostics
import DisarmModel

/// `disarm stats`: for each live technique, the number of counted incidents that use it and their share, optionally
/// grouped (``Grouping``).
public struct TechniqueFrequency: Sendable {
  /// How `--by` groups the counts.
  public enum Grouping: Sendable, Equatable {
    /// Techniques under their tactic, tactics in phase order; a tactic's count is the number of incidents that use
    /// at least one of its techniques.
    case tactic
    /// Techniques under their tactic's phase, phases in order; likewise counted.
    case phase
    /// Incidents by the value of one of their fields (its lookup key; `year started` by year, in order); each group
    /// counts its own incidents, and its shares are over them. An incident with several values (a from and a to
    /// country) is in each of their groups.
    case field(String)
  }

  /// One group of `--by`.
  public struct Group: Sendable, Equatable {
    /// The tactic or phase identifier, or the field's value (`(none)` for incidents without one).
    public var key: String
    /// The tactic's or phase's name; empty for a field value.
    public var name: String
    /// The incidents in the group: for a tactic or phase, those that use one of its techniques.
    public var incidents: Int
    /// The group's used techniques, most used first.
    public var techniques: [TechniqueCount]
  }

  /// The incidents counted (after the filter).
  public let incidentCount: Int
  /// How many of them name at least one live technique.
  public let incidentsWithTechniques: Int
  /// Every live technique, most used first (unused ones last, with 0).
  public let techniques: [TechniqueCount]
  /// The groups of `--by`, empty without it.
  public let groups: [Group]
  /// The grouping asked for.
  public let grouping: Grouping?

  /// The counts over `records` (the incidents already filtered).
  public init(_ records: [IncidentRecord], in kb: KnowledgeBase, grouping: Grouping? = nil) {
    incidentCount = records.count
    incidentsWithTechniques = records.count { !$0.techniques.isEmpty }
    self.grouping = grouping
    let counts = TechniqueFrequency.counts(records)
    techniques = TechniqueFrequency.table(counts, of: records.count, in: kb)
    switch grouping {
    case nil: groups = []
    case .tactic: groups = TechniqueFrequency.byTactic(records, techniques, kb)
    case .phase: groups = TechniqueFrequency.byPhase(records, techniques, kb)
    case .field(let key): groups = TechniqueFrequency.byField(key, records, kb)
    }
  }

  /// The number of records using each technique.
  public static func counts(_ records: [IncidentRecord]) -> [DisarmID: Int] {
    var counts: [DisarmID: Int] = [:]
    for record in records { for technique in record.techniques { counts[technique, default: 0] += 1 } }
    return counts
  }

  /// Every live technique with its count, most used first.
  static func table(_ counts: [DisarmID: Int], of total: Int, in kb: KnowledgeBase) -> [TechniqueCount] {
    kb.objects(of: .technique).filter { !$0.isStale }.map { technique in
      let count = counts[technique.id] ?? 0
      return TechniqueCount(
        id: technique.id, name: technique.name, tactic: liveTactic(of: technique.id, in: kb), incidents: count,
        share: total == 0 ? 0 : Double(count) / Double(total))
    }.sorted(by: TechniqueCount.byFrequency)
  }

  /// The technique's tactic when it is live.
  static func liveTactic(of id: DisarmID, in kb: KnowledgeBase) -> DisarmID? {
    guard let tactic = kb.tactic(of: id), let object = kb[tactic], !object.isStale else { return nil }
    return tactic
  }

  /// Techniques under their tactic, tactics in phase order, in one pass over the table and one over the records (a
  /// large knowledge base has thousands of tactics: filtering the table per tactic would be quadratic).
  private static func byTactic(_ records: [IncidentRecord], _ table: [TechniqueCount], _ kb: KnowledgeBase) -> [Group] {
    var order = kb.tacticsInPhaseOrder
    let extra = Set(table.compactMap(\.tactic)).subtracting(order).sorted()
    order += extra
    return grouped(records, table, keys: order) { $0 }.map { tactic, members, incidents in
      Group(key: tactic.string, name: kb[tactic]?.name ?? "", incidents: incidents, techniques: members)
    }
  }

  private static func byPhase(_ records: [IncidentRecord], _ table: [TechniqueCount], _ kb: KnowledgeBase) -> [Group] {
    let groups = kb.phaseGroups
    var phaseOfTactic: [DisarmID: Int] = [:]
    for (index, group) in groups.enumerated() { for tactic in group.tactics { phaseOfTactic[tactic] = index } }
    return grouped(records, table, keys: Array(groups.indices)) { phaseOfTactic[$0] }.map { index, members, incidents in
      let phase = groups[index].phase
      return Group(
        key: phase?.string ?? "(none)", name: phase.flatMap { kb[$0]?.name } ?? "", incidents: incidents,
        techniques: members)
    }
  }

  /// For each key (a tactic, a phase), the used techniques whose tactic maps to it and the number of records using at
  /// least one of them.
  private static func grouped<Key: Hashable>(
    _ records: [IncidentRecord], _ table: [TechniqueCount], keys: [Key], of key: (DisarmID) -> Key?
  ) -> [(Key, [TechniqueCount], Int)] {
    var members: [Key: [TechniqueCount]] = [:]
    var keyOfTechnique: [DisarmID: Key] = [:]
    for count in table where count.incidents > 0 {
      guard let tactic = count.tactic, let group = key(tactic) else { continue }
      members[group, default: []].append(count)
      keyOfTechnique[count.id] = group
    }
    var incidents: [Key: Int] = [:]
    for record in records {
      var seen = Set<Key>()
      for technique in record.techniques {
        if let group = keyOfTechnique[technique], seen.insert(group).inserted { incidents[group, default: 0] += 1 }
      }
    }
    return keys.map { ($0, members[$0] ?? [], incidents[$0] ?? 0) }
  }

  private static func byField(_ key: String, _ records: [IncidentRecord], _ kb: KnowledgeBase) -> [Group] {
    var members: [String: (written: String, records: [IncidentRecord])] = [:]
    for record in records {
      let values = record.facts[key] ?? []
      for value in values.isEmpty ? ["(none)"] : values {
        members[value.lowercased(), default: (value, [])].records.append(record)
      }
    }
    let isYear = key.contains("year")
    let groups = members.values.sorted { lhs, rhs in
      if isYear {
        let left = IncidentField.year(lhs.written) ?? Int.max
        let right = IncidentField.year(rhs.written) ?? Int.max
        if left != right { return left < right }
      } else if lhs.records.count != rhs.records.count {
        return lhs.records.count > rhs.records.count
      }
      return lhs.written < rhs.written
    }
    return groups.map { group in
      let counts = counts(group.records)
      let used = table(counts, of: group.records.count, in: kb).filter { $0.incidents > 0 }
      return Group(key: group.written, name: "", incidents: group.records.count, techniques: used)
    }
  }
}

extension TechniqueFrequency.Grouping {
  /// `--by NAME`: `tactic`, `phase`, or an incident field (``IncidentField/resolve(_:among:)``: `year`, `country`,
  /// `actor`, `found_via`, …).
  public static func parse(_ name: String, fields: [String]) throws(StatisticsError) -> Self {
    switch IncidentField.normalise(name) {
    case "tactic", "tactics": return .tactic
    case "phase", "phases": return .phase
    default:
      let key = try IncidentField.resolve(name, among: fields)
      if key == IncidentField.techniqueKey {
        throw StatisticsError(
          "--by technique: the counts are already per technique; --by takes tactic, phase or a field")
      }
      return .field(key)
    }
  }
}
