import DisarmDiagnostics
import DisarmModel
import Foundation

/// Which incidents a statistic counts: `--where FIELD=VALUE` conditions (several values of one field: any of them;
/// different fields: all of them), and `--from YEAR` / `--to YEAR` on the year started (inclusive; an incident
/// without a year matches no year bound). Values compare without regard to letter case; a country matches an
/// incident that names it as its from or to country.
public struct IncidentFilter: Sendable, Equatable {
  /// One `FIELD=VALUE`, as given.
  public struct Condition: Sendable, Equatable {
    public var field: String
    public var value: String

    public init(field: String, value: String) {
      self.field = field
      self.value = value
    }

    /// `FIELD=VALUE` split at the first `=`.
    public static func parse(_ text: String) throws(StatisticsError) -> Condition {
      guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
        throw StatisticsError("'\(text)' is not FIELD=VALUE (for example countries=Russia)")
      }
      let value = String(text[text.index(after: equals)...]).trimmingWhitespace()
      guard !value.isEmpty else { throw StatisticsError("'\(text)' gives no value after '='") }
      return Condition(field: String(text[..<equals]).trimmingWhitespace(), value: value)
    }
  }

  public var conditions: [Condition]
  public var fromYear: Int?
  public var toYear: Int?

  public init(conditions: [Condition] = [], fromYear: Int? = nil, toYear: Int? = nil) {
    self.conditions = conditions
    self.fromYear = fromYear
    self.toYear = toYear
  }

  /// Whether the filter selects every incident.
  public var isEmpty: Bool { conditions.isEmpty && fromYear == nil && toYear == nil }

  /// The incidents of `records` that match, in their order. Unknown fields and values are errors that list the fields
  /// or the values the incidents have.
  public func select(_ records: [IncidentRecord], in kb: KnowledgeBase) throws(StatisticsError) -> [IncidentRecord] {
    if let fromYear, let toYear, fromYear > toYear {
      throw StatisticsError("--from \(fromYear) is after --to \(toYear)")
    }
    let keys = IncidentField.keys(of: records)
    var wanted: [String: Set<String>] = [:]
    for condition in conditions {
      let key = try IncidentField.resolve(condition.field, among: keys)
      let value = try checkedValue(condition.value, key: key, records: records, kb: kb)
      wanted[key, default: []].insert(value.lowercased())
    }
    return records.filter { record in
      if fromYear != nil || toYear != nil {
        guard let year = record.year else { return false }
        if let fromYear, year < fromYear { return false }
        if let toYear, year > toYear { return false }
      }
      for (key, values) in wanted {
        let have =
          key == IncidentField.techniqueKey
          ? record.techniques.map { $0.string.lowercased() } : (record.facts[key] ?? []).map { $0.lowercased() }
        if !have.contains(where: values.contains) { return false }
      }
      return true
    }
  }

  /// The value as the incidents write it, or an error listing the values they have.
  private func checkedValue(
    _ value: String, key: String, records: [IncidentRecord], kb: KnowledgeBase
  ) throws(StatisticsError) -> String {
    if key == IncidentField.techniqueKey {
      guard let id = kb.id(value.uppercased()), let object = kb[id], object.kind == .technique, !object.isStale else {
        throw StatisticsError("technique=\(value): no live technique \(value) in the knowledge base")
      }
      return id.string
    }
    let normalised = IncidentField.values(of: value, key: key).first ?? value
    var counts: [String: (written: String, count: Int)] = [:]
    for record in records {
      for fact in record.facts[key] ?? [] {
        counts[fact.lowercased(), default: (fact, 0)].count += 1
      }
    }
    if counts[normalised.lowercased()] != nil { return normalised }
    let listed = counts.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.written < $1.written }
    let shown = listed.prefix(40).map { "\($0.written) (\($0.count))" }.joined(separator: ", ")
    let more = listed.count > 40 ? ", and \(listed.count - 40) more" : ""
    let field = key.replacingOccurrences(of: " ", with: "_")
    throw StatisticsError(
      listed.isEmpty
        ? "no incident has a value for '\(field)'"
        : "no incident has \(field)=\(value); the values are: \(shown)\(more)")
  }

  /// The filter in words, for titles and JSON (`countries=Russia, 2016–2020`).
  public var summary: String {
    var parts = conditions.map { "\($0.field)=\($0.value)" }
    switch (fromYear, toYear) {
    case (let from?, let to?): parts.append("\(from)–\(to)")
    case (let from?, nil): parts.append("from \(from)")
    case (nil, let to?): parts.append("to \(to)")
    case (nil, nil): break
    }
    return parts.joined(separator: ", ")
  }

  /// The filter as JSON.
  public var json: JSONValue {
    var object: [String: JSONValue] = [
      "where": .array(conditions.map { .object(["field": .string($0.field), "value": .string($0.value)]) })
    ]
    object["from"] = fromYear.map { .int($0) } ?? .null
    object["to"] = toYear.map { .int($0) } ?? .null
    return .object(object)
  }
}
