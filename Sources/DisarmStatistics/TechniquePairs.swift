import DisarmDiagnostics
import DisarmModel

/// `disarm stats --pairs`: pairs of techniques used by the same incident, with the counts behind them and two
/// measures that correct for how common each technique is on its own.
///
/// With N incidents counted, `together` of them using both, `first` using the first and `second` the second:
/// - Jaccard = together / (first + second − together): the share of the incidents using either that use both (1 when
///   the two always come together, whatever their frequency).
/// - lift = together · N / (first · second): how much more often they come together than if incidents picked them
///   independently (1: as often as chance; above 1: more often).
public struct TechniquePair: Sendable, Equatable {
  public var first: DisarmID
  public var second: DisarmID
  /// Incidents that use both.
  public var together: Int
  /// Incidents that use the first.
  public var firstCount: Int
  /// Incidents that use the second.
  public var secondCount: Int
  /// together / (first + second − together).
  public var jaccard: Double
  /// together · N / (first · second).
  public var lift: Double

  /// What `--sort` orders pairs by (ties: more together, then identifiers).
  public enum Order: String, Sendable, CaseIterable {
    case count, lift, jaccard
  }

  /// Every pair used together by at least `minimumTogether` of `records`, ordered by `order`.
  public static func all(
    in records: [IncidentRecord], minimumTogether: Int = 1, order: Order = .count
  ) -> [TechniquePair] {
    let single = TechniqueFrequency.counts(records)
    var together: [PairKey: Int] = [:]
    for record in records {
      let techniques = record.techniques
      for (index, first) in techniques.enumerated() {
        for second in techniques[(index + 1)...] { together[PairKey(first: first, second: second), default: 0] += 1 }
      }
    }
    let total = Double(records.count)
    let pairs = together.compactMap { key, count -> TechniquePair? in
      guard count >= minimumTogether else { return nil }
      let first = single[key.first] ?? 0
      let second = single[key.second] ?? 0
      return TechniquePair(
        first: key.first, second: key.second, together: count, firstCount: first, secondCount: second,
        jaccard: Double(count) / Double(first + second - count),
        lift: Double(count) * total / (Double(first) * Double(second)))
    }
    return pairs.sorted { lhs, rhs in
      switch order {
      case .count: break
      case .lift: if lhs.lift != rhs.lift { return lhs.lift > rhs.lift }
      case .jaccard: if lhs.jaccard != rhs.jaccard { return lhs.jaccard > rhs.jaccard }
      }
      if lhs.together != rhs.together { return lhs.together > rhs.together }
      if lhs.first != rhs.first { return lhs.first < rhs.first }
      return lhs.second < rhs.second
    }
  }

  /// The techniques that most often appear with `technique` in `records`, most often first (for technique pages).
  public static func companions(
    of technique: DisarmID, in records: [IncidentRecord], limit: Int
  ) -> [(id: DisarmID, together: Int)] {
    var counts: [DisarmID: Int] = [:]
    for record in records where record.techniques.contains(technique) {
      for other in record.techniques where other != technique { counts[other, default: 0] += 1 }
    }
    return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit)
      .map { ($0.key, $0.value) }
  }

  /// The pair as JSON.
  public func json(in kb: KnowledgeBase) -> JSONValue {
    .object([
      "first": .string(first.string), "firstName": .string(kb[first]?.name ?? ""),
      "second": .string(second.string), "secondName": .string(kb[second]?.name ?? ""),
      "together": .int(together), "firstIncidents": .int(firstCount), "secondIncidents": .int(secondCount),
      "jaccard": .number(StatisticsNumber.rounded(jaccard)), "lift": .number(StatisticsNumber.rounded(lift)),
    ])
  }

  private struct PairKey: Hashable {
    var first: DisarmID
    var second: DisarmID
  }
}
