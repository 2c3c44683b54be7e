import DisarmDiagnostics
import DisarmModel

/// What `disarm match` compares with: one incident's techniques, or a set of techniques given by identifier.
public struct MatchQuery: Sendable, Equatable {
  /// The techniques to compare with.
  public var techniques: Set<DisarmID>
  /// The incident asked about, when the query is one.
  public var incident: DisarmID?

  /// `arguments` are one incident identifier, or one or more technique identifiers (any letter case; commas allowed
  /// between them).
  public static func resolve(
    _ arguments: [String], in kb: KnowledgeBase, records: [IncidentRecord]
  ) throws(StatisticsError) -> MatchQuery {
    let words = arguments.flatMap { $0.split(separator: ",").map { String($0).trimmingWhitespace() } }
      .filter { !$0.isEmpty }
    guard !words.isEmpty else { throw StatisticsError("give an incident identifier or technique identifiers") }
    var ids: [DisarmID] = []
    for word in words {
      guard let id = DisarmID(caseInsensitive: word, in: kb.framework.identifiers),
        id.kind == .incident || id.kind == .technique
      else {
        let incident = kb.framework.kind(.incident)?.id.example ?? "I00001"
        let technique = kb.framework.kind(.technique)?.id.example ?? "T0001"
        throw StatisticsError(
          "'\(word)' is neither an incident nor a technique identifier (like \(incident) or \(technique))")
      }
      ids.append(id)
    }
    if ids.contains(where: { $0.kind == .incident }) {
      guard ids.count == 1, let id = ids.first else {
        throw StatisticsError("give one incident, or techniques only, not both")
      }
      guard let record = records.first(where: { $0.id == id }) else {
        throw StatisticsError(
          "no live incident \(id) in the knowledge base\(kb[id]?.isStale == true ? " (its page is stale)" : "")")
      }
      guard !record.techniques.isEmpty else {
        throw StatisticsError("incident \(id) names no live technique: there is nothing to compare")
      }
      return MatchQuery(techniques: Set(record.techniques), incident: id)
    }
    for id in ids where kb[id].map({ $0.isStale || $0.kind != .technique }) ?? true {
      throw StatisticsError("no live technique \(id) in the knowledge base")
    }
    return MatchQuery(techniques: Set(ids), incident: nil)
  }
}
