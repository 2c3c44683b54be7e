import DisarmDiagnostics
import DisarmModel

/// `disarm match`: the incidents most similar to an incident or to a set of techniques.
///
/// The similarity of two technique sets A and B is their Jaccard index |A ∩ B| / |A ∪ B|: 1 for the same set, 0 for
/// nothing in common; it does not grow with the size of an incident's table the way a plain count of shared
/// techniques would. Ties are broken by more shared techniques, then by identifier; the incident asked about comes
/// first among equals. Incidents that share nothing are not listed.
public struct IncidentMatch: Sendable, Equatable {
  public var incident: DisarmID
  public var name: String
  public var similarity: Double
  /// Techniques of the query the incident also uses.
  public var shared: [DisarmID]
  /// Techniques of the query the incident lacks.
  public var missing: [DisarmID]
  /// Techniques of the incident the query does not have.
  public var extra: [DisarmID]

  /// |A ∩ B| / |A ∪ B|, 0 for two empty sets.
  public static func jaccard(_ first: Set<DisarmID>, _ second: Set<DisarmID>) -> Double {
    let union = first.union(second).count
    return union == 0 ? 0 : Double(first.intersection(second).count) / Double(union)
  }

  /// The `top` incidents of `records` most similar to `query`; `self` is the incident asked about, if any.
  public static func rank(
    _ query: Set<DisarmID>, among records: [IncidentRecord], asking incident: DisarmID? = nil, top: Int
  ) -> [IncidentMatch] {
    let matches = records.compactMap { record -> IncidentMatch? in
      let techniques = Set(record.techniques)
      let shared = query.intersection(techniques)
      guard !shared.isEmpty else { return nil }
      return IncidentMatch(
        incident: record.id, name: record.name, similarity: jaccard(query, techniques), shared: shared.sorted(),
        missing: query.subtracting(techniques).sorted(), extra: techniques.subtracting(query).sorted())
    }
    return Array(
      matches.sorted { lhs, rhs in
        if lhs.similarity != rhs.similarity { return lhs.similarity > rhs.similarity }
        if lhs.shared.count != rhs.shared.count { return lhs.shared.count > rhs.shared.count }
        if (lhs.incident == incident) != (rhs.incident == incident) { return lhs.incident == incident }
        return lhs.incident < rhs.incident
      }.prefix(max(0, top)))
  }

  /// The match as JSON.
  public var json: JSONValue {
    .object([
      "incident": .string(incident.string), "name": .string(name),
      "similarity": .number(StatisticsNumber.rounded(similarity)),
      "shared": .array(shared.map { .string($0.string) }), "missing": .array(missing.map { .string($0.string) }),
      "extra": .array(extra.map { .string($0.string) }),
    ])
  }
}
