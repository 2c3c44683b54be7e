import DisarmModel
import DisarmStatistics

/// What the site shows of the incidents' statistics (computed once for every page, from the same linked model as
/// `disarm stats`): the live incidents' records, how many use each technique, and each technique's most frequent
/// companions (techniques named by the same incidents).
struct SiteStatistics: Sendable {
  /// The live incidents.
  let records: [IncidentRecord]
  /// Incidents using each technique (techniques no incident uses are absent).
  let counts: [DisarmID: Int]
  /// For each used technique, at most `companionLimit` others most often named by the same incidents, most first.
  let companions: [DisarmID: [(id: DisarmID, together: Int)]]

  static let companionLimit = 5

  init(_ kb: KnowledgeBase) {
    records = IncidentRecord.all(in: kb)
    counts = TechniqueFrequency.counts(records)
    var together: [DisarmID: [DisarmID: Int]] = [:]
    for record in records {
      for first in record.techniques {
        for second in record.techniques where second != first { together[first, default: [:]][second, default: 0] += 1 }
      }
    }
    companions = together.mapValues { others in
      others.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(Self.companionLimit)
        .map { (id: $0.key, together: $0.value) }
    }
  }

  /// Whether any incident names a technique: the statistics page and the technique pages' usage need one.
  var hasUses: Bool { !counts.isEmpty }
}
