import DisarmDiagnostics

/// Versions across exports (`disarm export stix --previous OLD.json`) and the release as an ATT&CK collection.
///
/// ATT&CK's tools tell a new release from an old one by each object's `modified` and `x_mitre_version`, and a whole
/// release by an `x-mitre-collection` object listing every object with the `modified` it has in that release
/// (mitreattack-python's `CollectionToIndex`, ATT&CK Workbench). An export whose dates and versions all move on every
/// run would tell those tools that everything changed; so an object whose content (everything but `created`,
/// `modified` and `x_mitre_version`) is what the previous export had keeps the previous dates and version, and an
/// object that changed keeps its `created`, gets this export's date as `modified` and its version's minor number
/// raised (`1.0` → `1.1`).
public enum STIXCollection {
  /// The name ``STIXIdentifiers`` hashes for the collection's identifier.
  public static let name = "x-mitre-collection DISARM Framework"
  /// The ATT&CK specification version the collection declares (ATT&CK Workbench reads it).
  public static let attackSpecVersion = "3.2.0"

  /// What `--previous` found.
  public struct Summary: Sendable, Equatable {
    /// Objects whose content is the previous export's: dates and version kept.
    public var unchanged = 0
    /// Objects whose content changed: new `modified`, version raised.
    public var changed: [String] = []
    /// Objects the previous export did not have.
    public var added = 0
    /// Objects of the previous export this one no longer has (the collection excluded).
    public var removed: [String] = []
    /// The collection's `x_mitre_version`, when the export has one.
    public var version: String?
  }

  /// The properties left out when two versions of an object are compared.
  static let versionProperties: Set<String> = ["created", "modified", "x_mitre_version"]

  /// `objects` with the dates and versions of `previous` where their content is unchanged.
  static func carryVersions(
    _ objects: [JSONValue], previous: STIXInputBundle, timestamp: String
  ) -> (objects: [JSONValue], summary: Summary) {
    var before: [String: [String: JSONValue]] = [:]
    for object in previous.objects where object.type != "x-mitre-collection" { before[object.id] = object.members }
    var summary = Summary()
    var seen = Set<String>()
    let result = objects.map { value -> JSONValue in
      guard var members = value.objectValue, let id = members["id"]?.stringValue else { return value }
      seen.insert(id)
      guard let old = before[id] else {
        summary.added += 1
        return value
      }
      if sameContent(members, old) {
        summary.unchanged += 1
        for key in versionProperties where members[key] != nil {
          if let kept = old[key] { members[key] = kept }
        }
      } else {
        summary.changed.append(id)
        if members["created"] != nil, let created = old["created"] { members["created"] = created }
        if members["modified"] != nil { members["modified"] = .string(timestamp) }
        if members["x_mitre_version"] != nil, let version = old["x_mitre_version"]?.stringValue {
          members["x_mitre_version"] = .string(raised(version, major: false))
        }
      }
      return .object(members)
    }
    summary.removed = before.keys.filter { !seen.contains($0) }.sorted()
    return (result, summary)
  }

  /// Whether two versions of an object are equal but for ``versionProperties``, compared member by member without
  /// copying either.
  static func sameContent(_ new: [String: JSONValue], _ old: [String: JSONValue]) -> Bool {
    var compared = 0
    for (key, value) in new where !versionProperties.contains(key) {
      guard old[key] == value else { return false }
      compared += 1
    }
    return compared == old.keys.count { !versionProperties.contains($0) }
  }

  static func content(_ members: [String: JSONValue]) -> [String: JSONValue] {
    members.filter { !versionProperties.contains($0.key) }
  }

  /// `M.N` with N one higher (`major`: M one higher and N 0); a version that is not two numbers is taken as `1.0`.
  public static func raised(_ version: String, major: Bool) -> String {
    let parts = version.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, let high = Int(parts[0]), let low = Int(parts[1]), high >= 0, low >= 0, high < 1_000_000,
      low < 1_000_000
    else { return major ? "2.0" : "1.1" }
    return major ? "\(high + 1).0" : "\(high).\(low + 1)"
  }

  /// The `x-mitre-collection` of a release: every object of `objects` with its `modified` (its `created` when it has
  /// none, as a marking definition), under `id`. With a previous collection, the version and dates are kept when
  /// nothing changed, else the major version is raised (`1.0` → `2.0`); without one the version is `1.0`.
  static func collection(
    of objects: [JSONValue], id: String, name: String, description: String, timestamp: String,
    previous: STIXInputBundle?, summary: Summary
  ) -> JSONValue {
    let contents: [JSONValue] = objects.compactMap { value in
      guard let id = value["id"]?.stringValue, let modified = value["modified"] ?? value["created"] else { return nil }
      return .object(["object_ref": .string(id), "object_modified": modified])
    }
    var members: [String: JSONValue] = [
      "type": .string("x-mitre-collection"), "spec_version": .string("2.1"), "id": .string(id),
      "created": .string(timestamp), "modified": .string(timestamp), "name": .string(name),
      "description": .string(description), "x_mitre_version": .string("1.0"),
      "x_mitre_attack_spec_version": .string(attackSpecVersion), "x_mitre_contents": .array(contents),
      "created_by_ref": objects.first { $0["type"]?.stringValue == "identity" }?["id"] ?? .null,
      "object_marking_refs": .array(
        objects.filter { $0["type"]?.stringValue == "marking-definition" }.compactMap { $0["id"] }),
    ]
    if members["created_by_ref"] == .null { members["created_by_ref"] = nil }
    let old = previous?.objects.last { $0.type == "x-mitre-collection" }?.members
    if let old {
      let changed = !summary.changed.isEmpty || summary.added > 0 || !summary.removed.isEmpty
      if let created = old["created"] { members["created"] = created }
      let version = old["x_mitre_version"]?.stringValue ?? "1.0"
      if changed || content(members) != content(old) {
        members["x_mitre_version"] = .string(raised(version, major: true))
      } else {
        members["x_mitre_version"] = .string(version)
        if let modified = old["modified"] { members["modified"] = modified }
      }
    }
    return .object(members)
  }
}
