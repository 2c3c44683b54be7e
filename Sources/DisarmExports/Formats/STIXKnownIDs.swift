import DisarmDiagnostics

/// The STIX identifiers other bundles already gave DISARM's objects (`disarm export stix --ids-from BUNDLE…`), so that
/// an export is continuous with what threat-intelligence platforms hold: OpenCTI and MISP identify an object by its
/// STIX id, and a new id for the same technique is a duplicate there.
///
/// An object is known by what ``STIXIdentifiers`` hashes for it, so that the export asks one question, "which id for
/// this type and name", and gets either a known id or the name-based one:
///
/// - `attack-pattern`, `x-mitre-tactic`, `course-of-action`, `campaign`: the DISARM identifier, read from `x_mitre_id`
///   or else the first external reference whose `source_name` is `mitre-attack` or `DISARM` (both are used, by the
///   Foundation's bundles and by this tool's profiles);
/// - `relationship`: `SOURCE TYPE TARGET` with both ends resolved to DISARM identifiers in the same bundle;
/// - the bundle's own objects: the identity named `DISARM Foundation`, the marking definition whose statement is the
///   licence, the matrix and the collection when a bundle has exactly one.
///
/// Of several bundles the later wins, object by object. Of two objects of one bundle with the same key (an old
/// revoked version beside the live one), the first that is neither revoked nor deprecated wins. One STIX id given to
/// two different objects is an error, since the export would then hold two objects under one id.
public struct STIXKnownIDs: Sendable {
  /// A known identifier and the bundle it came from.
  public struct Known: Sendable, Equatable {
    public var id: String
    public var path: String

    public init(id: String, path: String) {
      self.id = id
      self.path = path
    }
  }

  private var known: [String: Known] = [:]

  /// None known: every object gets its name-based identifier.
  public init() {}

  /// The identifiers of `bundles`, the later winning.
  public init(_ bundles: [STIXInputBundle]) throws(ExportInputError) {
    var owners: [String: (key: String, object: STIXInputBundle.Object, path: String)] = [:]
    for bundle in bundles {
      for (key, object) in Self.keys(of: bundle) {
        known[key] = Known(id: object.id, path: bundle.path)
        owners[key] = (key, object, bundle.path)
      }
    }
    // One id, one object: checked on what the merge kept, so that an id that moved between releases is no conflict.
    var byID: [String: String] = [:]
    for key in known.keys.sorted() {
      let entry = known[key]!
      if let other = byID[entry.id] {
        let owner = owners[key]!
        throw ExportInputError(
          path: owner.path, line: owner.object.line, column: owner.object.column,
          message: "\(entry.id) is given to both \(Self.readable(other)) and \(Self.readable(key))")
      }
      byID[entry.id] = key
    }
  }

  /// The known identifier of the object `STIXIdentifiers.id(type, name: name)` names, if any.
  public func known(_ type: String, name: String) -> Known? { known[Self.key(type, name)] }

  /// How many objects have a known identifier.
  public var count: Int { known.count }

  static func key(_ type: String, _ name: String) -> String { type + "\u{0}" + name }

  static func readable(_ key: String) -> String { key.replacingAll("\u{0}", " ") }

  /// The types whose objects carry a DISARM identifier.
  static let identifiedTypes: Set<String> = ["attack-pattern", "x-mitre-tactic", "course-of-action", "campaign"]

  /// Each object of `bundle` that this export can have, by its key.
  static func keys(of bundle: STIXInputBundle) -> [(String, STIXInputBundle.Object)] {
    var result: [String: STIXInputBundle.Object] = [:]
    var disarmIDs: [String: String] = [:]
    func take(_ key: String, _ object: STIXInputBundle.Object) {
      if let current = result[key], isCurrent(current) || !isCurrent(object) { return }
      result[key] = object
    }
    var singletons: [String: [STIXInputBundle.Object]] = [:]
    for object in bundle.objects {
      switch object.type {
      case let type where identifiedTypes.contains(type):
        guard let disarmID = disarmID(of: object) else { continue }
        disarmIDs[object.id] = disarmID
        take(key(type, disarmID), object)
      case "identity":
        if object.members["name"]?.stringValue == "DISARM Foundation" {
          singletons["identity", default: []].append(object)
        }
      case "marking-definition":
        if object.members["definition"]?["statement"]?.stringValue == STIXBundle.licenceStatement {
          singletons["marking-definition", default: []].append(object)
        }
      case "x-mitre-matrix", "x-mitre-collection":
        singletons[object.type, default: []].append(object)
      default: continue
      }
    }
    let names = [
      "identity": "identity DISARM Foundation",
      "marking-definition": "marking-definition CC-BY-SA-4.0 DISARM Foundation",
      "x-mitre-matrix": "x-mitre-matrix DISARM Framework", "x-mitre-collection": STIXCollection.name,
    ]
    for (type, objects) in singletons where Set(objects.map(\.id)).count == 1 {
      take(key(type, names[type]!), objects[0])
    }
    for object in bundle.objects where object.type == "relationship" {
      guard let relationshipType = object.members["relationship_type"]?.stringValue,
        let source = object.members["source_ref"]?.stringValue.flatMap({ disarmIDs[$0] }),
        let target = object.members["target_ref"]?.stringValue.flatMap({ disarmIDs[$0] })
      else { continue }
      take(key("relationship", "\(source) \(relationshipType) \(target)"), object)
    }
    return result.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// Neither revoked nor deprecated.
  static func isCurrent(_ object: STIXInputBundle.Object) -> Bool {
    object.members["revoked"]?.boolValue != true && object.members["x_mitre_deprecated"]?.boolValue != true
  }

  /// The DISARM identifier an object carries: `x_mitre_id`, else the first `mitre-attack` or `DISARM` reference.
  static func disarmID(of object: STIXInputBundle.Object) -> String? {
    if let id = object.members["x_mitre_id"]?.stringValue, !id.isEmpty { return id }
    for reference in object.members["external_references"]?.arrayValue ?? [] {
      guard let source = reference["source_name"]?.stringValue, source == "mitre-attack" || source == "DISARM",
        let id = reference["external_id"]?.stringValue, !id.isEmpty
      else { continue }
      return id
    }
    return nil
  }
}
