/// What `disarm export stix` says about where its identifiers came from (`--ids-from`, `--previous`): a line for the
/// terminal and the `--ids-report` file, so that a platform's operator can see which objects keep the ids the
/// platform holds and which are new.
public enum STIXIDReport {
  /// `412 from DISARM.json, 600 name-based`: how many identifiers came from each bundle, bundles by name.
  public static func origins(_ identifiers: [STIXIDAssignment.Given]) -> String {
    var counts: [String: Int] = [:]
    for given in identifiers { counts[given.origin ?? "", default: 0] += 1 }
    var parts = counts.keys.filter { !$0.isEmpty }.sorted().map { "\(counts[$0]!) from \($0)" }
    parts.append("\(counts[""] ?? 0) name-based")
    return parts.joined(separator: ", ")
  }

  /// The `--ids-report` file: a header line, then one tab-separated line per object (type, the name its name-based
  /// id would hash: the DISARM identifier or `SOURCE TYPE TARGET`, the id, the bundle it came from or `name-based`).
  public static func table(_ identifiers: [STIXIDAssignment.Given]) -> String {
    var text = "type\tname\tid\torigin\n"
    for given in identifiers {
      text += "\(given.type)\t\(given.name)\t\(given.id)\t\(given.origin ?? "name-based")\n"
    }
    return text
  }
}
