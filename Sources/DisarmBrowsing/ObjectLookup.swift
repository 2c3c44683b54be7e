import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// Finds objects by identifier (any letter case) or by name, and suggests near misses.
public struct ObjectLookup: Sendable {
  /// What a query found.
  public enum Result: Sendable {
    /// Exactly one object: the identifier's, or the only live one whose name matches.
    case found(DisarmObject)
    /// Several objects match the name; the candidates, best first.
    case ambiguous([DisarmObject])
    /// Nothing matches; the nearest identifiers and names, best first.
    case notFound(suggestions: [DisarmObject])
    /// The identifier is retired (`retired.yml`) and has no page: its register entry, and the replacement's object
    /// when the register names one that exists.
    case retired(RetiredRegister.Entry, replacement: DisarmObject?)
  }

  let kb: KnowledgeBase

  /// Looks up in `kb`. A stale page is found by its identifier only, never by name or as a suggestion.
  public init(_ kb: KnowledgeBase) { self.kb = kb }

  /// Reads `query` as an identifier when it is one (any letter case), else as a name, ignoring case: a whole-name
  /// match wins over names that merely contain the query.
  public func find(_ query: String) -> Result {
    let trimmed = query.trimmingWhitespace()
    if let id = DisarmID(caseInsensitive: trimmed, in: kb.framework.identifiers) {
      if let object = kb[id] { return .found(object) }
      if let entry = kb.register[id] { return .retired(entry, replacement: entry.replacedBy.flatMap { kb[$0] }) }
      return .notFound(suggestions: nearestIDs(to: id))
    }
    let needle = trimmed.lowercased()
    let all = kb.objects.values.sorted { $0.id < $1.id }
    let exact = all.filter { $0.name.lowercased().trimmingWhitespace() == needle && !$0.isStale }
    if exact.count == 1 { return .found(exact[0]) }
    if exact.count > 1 { return .ambiguous(exact) }
    let partial = all.filter { $0.name.lowercased().contains(needle) && !$0.isStale }
    if partial.count == 1 { return .found(partial[0]) }
    if partial.count > 1 { return .ambiguous(partial) }
    return .notFound(suggestions: nearestNames(to: needle))
  }

  /// Identifiers of the same kind whose numbers are closest, then those within a small edit distance.
  func nearestIDs(to id: DisarmID, limit: Int = 5) -> [DisarmObject] {
    let sameKind = kb.objects.values.filter { $0.kind == id.kind && !$0.isStale }
    return sameKind.sorted {
      let a = EditDistance.between($0.id.string, id.string)
      let b = EditDistance.between($1.id.string, id.string)
      return a != b ? a < b : $0.id < $1.id
    }.prefix(limit).map { $0 }
  }

  /// Names closest to `needle` by edit distance over words.
  func nearestNames(to needle: String, limit: Int = 5) -> [DisarmObject] {
    let scored = kb.objects.values.filter { !$0.isStale && !$0.name.isEmpty }.map { object -> (DisarmObject, Int) in
      let name = object.name.lowercased()
      let best =
        ([name] + name.split(separator: " ").map(String.init)).map { EditDistance.between($0, needle) }.min() ?? .max
      return (object, best)
    }
    let threshold = max(2, needle.count / 3)
    return scored.filter { $0.1 <= threshold }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.id < $1.0.id }.prefix(limit)
      .map(\.0)
  }
}
