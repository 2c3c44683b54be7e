import DisarmDiagnostics
import DisarmModel
import Foundation

/// The incident fields a knowledge base has (`year started`, `countries`, `found via`, …) and how a name given on the
/// command line (`year`, `country`, `found_via`) finds one of them.
public struct IncidentField: Sendable {
  /// The field that dates an incident.
  public static let yearKey = "year started"
  /// Fields that are prose or identity, not facts to count by.
  static let ignoredKeys: Set<String> = ["summary", "description", "id", "name", "type"]
  /// The pseudo-field `technique`: `--where technique=T0049` selects the incidents that use T0049.
  public static let techniqueKey = "technique"

  /// The values of a field as written: lists (`Russia , UK`, a country field's from and to) split at commas, empty
  /// parts dropped, each value trimmed; a year written `2016.0` becomes `2016`.
  public static func values(of text: String, key: String) -> [String] {
    let parts: [String] =
      isList(key) ? text.split(separator: ",").map { String($0) } : [text]
    var seen = Set<String>()
    var values: [String] = []
    for part in parts {
      var value = part.trimmingWhitespace()
      if key.contains("year"), let year = year(value) { value = String(year) }
      if !value.isEmpty, seen.insert(value.lowercased()).inserted { values.append(value) }
    }
    return values
  }

  /// Whether the field holds a comma-separated list (countries, actor types, sectors).
  static func isList(_ key: String) -> Bool {
    key.contains("countr") || key.contains("actor") || key.contains("sector") || key.contains("tag")
  }

  /// The year in `text`: a whole number of four digits, possibly written as a decimal (`2016.0`).
  public static func year(_ text: String) -> Int? {
    let trimmed = text.trimmingWhitespace()
    let whole = trimmed.hasSuffix(".0") ? String(trimmed.dropLast(2)) : trimmed
    guard whole.count == 4, let year = Int(whole), year > 0 else { return nil }
    return year
  }

  /// The lookup key of the field a command-line name means, among `keys` (the fields incidents carry): the key
  /// itself, any letter case, `_` or `-` for spaces; `year` for `year started`, `country` for `countries`, `type`
  /// for `incident type`, `actor` for a field about actors; else the one key that starts with the name.
  public static func resolve(_ name: String, among keys: [String]) throws(StatisticsError) -> String {
    let wanted = normalise(name)
    if wanted == techniqueKey { return techniqueKey }
    if keys.contains(wanted) { return wanted }
    let aliases: [String: (String) -> Bool] = [
      "year": { $0 == yearKey || $0.contains("year") }, "country": { $0.contains("countr") },
      "countries": { $0.contains("countr") }, "type": { $0.hasSuffix("type") && !$0.contains("actor") },
      "actor": { $0.contains("actor") }, "actors": { $0.contains("actor") }, "actor type": { $0.contains("actor") },
      "actor types": { $0.contains("actor") },
    ]
    if let alias = aliases[wanted], let key = keys.first(where: alias) { return key }
    let prefixed = keys.filter { $0.hasPrefix(wanted) }
    if prefixed.count == 1 { return prefixed[0] }
    let known = keys.map { "'\($0.replacingOccurrences(of: " ", with: "_"))'" }.joined(separator: ", ")
    let hint = wanted.contains("actor") ? " (the incidents of this knowledge base carry no actor field)" : ""
    throw StatisticsError(
      "unknown incident field '\(name)'\(hint); the incidents have: \(known.isEmpty ? "no fields" : known), "
        + "and 'technique'")
  }

  /// A name as a lookup key: lower case, `_` and `-` as spaces, single spaces.
  static func normalise(_ name: String) -> String {
    name.lowercased().map { $0 == "_" || $0 == "-" ? " " : $0 }.reduce(into: "") { $0.append($1) }
      .split(separator: " ").joined(separator: " ")
  }

  /// The fields the incidents carry, by key.
  public static func keys(of records: [IncidentRecord]) -> [String] {
    Set(records.flatMap(\.facts.keys)).sorted()
  }
}
