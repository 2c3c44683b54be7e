import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser
import DisarmRegeneration
import Foundation

/// The knowledge base as MISP galaxies: for techniques, counters (MISP's "countermeasures"), actor types and
/// detections, a galaxy file and a cluster file in the shape of the MISP project's own `disarm-*` galaxies
/// (`galaxies/disarm-techniques.json`, `clusters/disarm-techniques.json`, …), with the same UUIDs
/// (``MISPIdentifiers``). A kind with no live objects gets no files. Stale objects are left out, and so are relations
/// to them and to objects that do not exist.
///
/// Each value carries `meta.external_id` (the DISARM identifier), `meta.kill_chain` (`tactics:Plan Objectives`,
/// `responsetypes:Deny`, `metatechniques:Friction`, `sectors:Civil Society`, matching the galaxy's
/// `kill_chain_order`), `meta.refs` (the object's page) and `related`, written from both ends: a technique is
/// `blocked-by` each counter that counters it and the counter `blocks` it; a counter is `affected-by` each of its
/// actor types and the actor type `affects` it. Values are sorted by identifier, related entries by type then
/// identifier, and every object's keys are sorted, so exporting the same pages twice gives the same bytes.
public enum MISPExport {
  /// Choices the MISP project's files leave open.
  public struct Options: Sendable {
    /// The `version` of every galaxy and cluster; MISP updates its copy when the number grows.
    public var version: Int
    /// Where the pages are published: `meta.refs` is `BASE/techniques/T0002.md` (detections, which have no pages,
    /// point at `BASE/detections_index.md`).
    public var refsBase: String
    /// The previous export (`--previous DIR`): each galaxy keeps its version when its content did not change and
    /// gets the next one when it did (``MISPPreviousExport``); ``version`` then numbers only new galaxies.
    public var previous: MISPPreviousExport?

    /// The defaults match the MISP project's own files; a fork published elsewhere changes `refsBase`.
    public init(version: Int = 1, refsBase: String = MISPExport.defaultRefsBase, previous: MISPPreviousExport? = nil) {
      self.version = version
      self.refsBase = refsBase
      self.previous = previous
    }
  }

  /// One file of the export, with its path relative to the output folder (`clusters/disarm-techniques.json`).
  public struct File: Sendable, Equatable {
    /// Relative to the output folder, under `clusters/` or `galaxies/`.
    public var path: String
    /// The JSON document as ``JSONWriter`` writes it: sorted keys, final newline.
    public var bytes: [UInt8]
  }

  /// The page folder of the DISARM Foundation's repository.
  public static let defaultRefsBase = "https://github.com/DISARMFoundation/DISARMframeworks/blob/main/generated_pages"
  /// The `description` of every galaxy and cluster, as the MISP project's files give it.
  public static let description =
    "DISARM is a framework designed for describing and understanding disinformation incidents."
  /// The cluster `source`.
  public static let source = "https://github.com/DISARMFoundation/DISARMframeworks"
  /// The cluster `authors`.
  public static let authors = ["DISARM Project"]

  /// Every file of the export, sorted by path: `clusters/…` then `galaxies/…`.
  public static func files(for kb: KnowledgeBase, options: Options = Options()) -> [File] {
    var files: [File] = []
    for galaxy in MISPGalaxy.allCases where !live(galaxy.kind, in: kb).isEmpty {
      var clusterValue = cluster(galaxy, kb, options)
      var galaxyValue = self.galaxy(galaxy, kb, options)
      let clusterPath = "clusters/\(galaxy.type(in: kb)).json"
      let galaxyPath = "galaxies/\(galaxy.type(in: kb)).json"
      if let previous = options.previous {
        let version = previous.version(
          cluster: (clusterPath, clusterValue), galaxy: (galaxyPath, galaxyValue), base: options.version)
        clusterValue = setting(clusterValue, "version", .int(version))
        galaxyValue = setting(galaxyValue, "version", .int(version))
      }
      files.append(File(path: clusterPath, bytes: JSONWriter.write(clusterValue)))
      files.append(File(path: galaxyPath, bytes: JSONWriter.write(galaxyValue)))
    }
    return files.sorted { $0.path < $1.path }
  }

  /// `techniques 1 -> 2, countermeasures 1 (unchanged)`: each galaxy's version against the previous export's.
  public static func versionSummary(_ files: [File], previous: MISPPreviousExport) -> String {
    files.filter { $0.path.hasPrefix("clusters/") }.map { file -> String in
      let name = String(file.path.dropFirst("clusters/".count).dropLast(".json".count))
      let now = (try? JSONParser.parse(file.bytes))?["version"]?.intValue ?? 0
      guard let before = previous.files[file.path]?["version"]?.intValue else { return "\(name) \(now) (new)" }
      return before == now ? "\(name) \(now) (unchanged)" : "\(name) \(before) -> \(now)"
    }.joined(separator: ", ")
  }

  /// The paths the export of `kb` writes, for reading the previous export's copies of them.
  public static func paths(for kb: KnowledgeBase) -> [String] {
    MISPGalaxy.allCases.flatMap { ["clusters/\($0.type(in: kb)).json", "galaxies/\($0.type(in: kb)).json"] }
  }

  static func setting(_ value: JSONValue, _ key: String, _ member: JSONValue) -> JSONValue {
    guard var members = value.objectValue else { return value }
    members[key] = member
    return .object(members)
  }

  /// The galaxy file of `galaxy`.
  public static func galaxy(_ galaxy: MISPGalaxy, _ kb: KnowledgeBase, _ options: Options = Options()) -> JSONValue {
    var order: [String: JSONValue] = [:]
    for chain in galaxy.killChains {
      order[MISPGalaxy.killChainKey(chain, in: kb)] = .array(killChainOrder(chain, in: kb).map { .string($0) })
    }
    return .object([
      "description": .string(description(of: kb)),
      "icon": .string(galaxy.icon),
      "kill_chain_order": .object(order),
      "name": .string(galaxy.name(in: kb)),
      "namespace": .string(MISPGalaxy.namespace(in: kb)),
      "type": .string(galaxy.type(in: kb)),
      "uuid": .string(MISPIdentifiers.galaxy(galaxy, in: kb).description),
      "version": .int(options.version),
    ])
  }

  /// A value's `meta`: its identifier, kill chain and page; `local` for an extension's own object (the schema allows
  /// further keys), so that MISP users tell a team's additions from the framework's.
  static func meta(of object: DisarmObject, in galaxy: MISPGalaxy, _ kb: KnowledgeBase, _ options: Options)
    -> [String: JSONValue]
  {
    var meta: [String: JSONValue] = [
      "external_id": .string(object.id.string),
      "kill_chain": .array(killChain(of: object, in: galaxy, kb).map { .string($0) }),
      "refs": .array([.string(reference(to: object.id, options))]),
    ]
    if kb.origin(of: object.id) == .local { meta["local"] = .bool(true) }
    return meta
  }

  /// The cluster file of `galaxy`: one value per live object of its kind.
  public static func cluster(_ galaxy: MISPGalaxy, _ kb: KnowledgeBase, _ options: Options = Options()) -> JSONValue {
    let objects = live(galaxy.kind, in: kb)
    let names = MISPValueNames.names(for: objects)
    var values: [(DisarmID, JSONValue)] = objects.map { object in
      (
        object.id,
        .object([
          "description": .string(description(of: object)),
          "meta": .object(meta(of: object, in: galaxy, kb, options)),
          "related": .array(
            related(object.id, in: galaxy, kb).map { entry in
              .object(["dest-uuid": .string(MISPIdentifiers.value(entry.id).description), "type": .string(entry.type)])
            }),
          "uuid": .string(MISPIdentifiers.value(object.id).description),
          "value": .string(names[object.id]!),
        ])
      )
    }
    values += MISPRetiredValues.values(of: galaxy, in: kb, liveNames: names.values, options)
    values.sort { $0.0 < $1.0 }
    return .object([
      "authors": .array(authors.map { .string($0) }),
      "category": .string(MISPGalaxy.namespace(in: kb)),
      "description": .string(description(of: kb)),
      "name": .string(galaxy.name(in: kb)),
      "source": .string(source),
      "type": .string(galaxy.type(in: kb)),
      "uuid": .string(MISPIdentifiers.cluster(galaxy, in: kb).description),
      "values": .array(values.map(\.1)),
      "version": .int(options.version),
    ])
  }

  /// The `description` of the galaxies and clusters: MISP's sentence for DISARM's frameworks, the description's
  /// summary for others (AMITT, a team's framework).
  static func description(of kb: KnowledgeBase) -> String {
    kb.framework.brand == "DISARM" ? description : kb.framework.summary.trimmingWhitespace()
  }

  // MARK: - Values

  /// The summary as plain text: trimmed, with each `<br>` tag (the pages' line break) as a newline.
  static func description(of object: DisarmObject) -> String {
    let text = object.summary?.trimmed ?? ""
    return text.replacingOccurrences(of: "<br\\s*/?>", with: "\n", options: [.regularExpression, .caseInsensitive])
  }

  static func reference(to id: DisarmID, _ options: Options) -> String {
    var base = options.refsBase
    while base.hasSuffix("/") { base.removeLast() }
    return id.kind == .detection ? "\(base)/detections_index.md" : "\(base)/\(id.kind.folder)/\(id.string).md"
  }

  /// `meta.kill_chain`: `KEY:NAME` for each of the galaxy's kill chains the object is placed in.
  static func killChain(of object: DisarmObject, in galaxy: MISPGalaxy, _ kb: KnowledgeBase) -> [String] {
    var entries: [String] = []
    for chain in galaxy.killChains {
      let names: [String]
      switch chain {
      case "tactics": names = liveTargets(object.id, .tactic, kb).prefix(1).map { displayName(of: $0, kb) }
      case "responsetypes": names = liveTargets(object.id, .responseType, kb).prefix(1).map { displayName(of: $0, kb) }
      case "metatechniques": names = liveTargets(object.id, .metatechnique, kb).map { displayName(of: $0, kb) }
      case "sectors": names = MISPSectors.codes(in: field(object, "sector")).map(MISPSectors.name(of:))
      default: names = []
      }
      let key = MISPGalaxy.killChainKey(chain, in: kb)
      entries += unique(names).map { "\(key):\($0)" }
    }
    return entries
  }

  /// `kill_chain_order[chain]`: tactics in framework order, response types and metatechniques by identifier, and
  /// the ten DISARM sectors followed by any other sector code the actor types use.
  static func killChainOrder(_ chain: String, in kb: KnowledgeBase) -> [String] {
    switch chain {
    case "tactics": return unique(tactics(in: kb).map { displayName(of: $0.id, kb) })
    case "responsetypes": return unique(live(.responseType, in: kb).map { displayName(of: $0.id, kb) })
    case "metatechniques": return unique(live(.metatechnique, in: kb).map { displayName(of: $0.id, kb) })
    case "sectors":
      let used = live(.actorType, in: kb).flatMap { MISPSectors.codes(in: field($0, "sector")) }
      let unknown = Set(used).subtracting(MISPSectors.names.map(\.code)).sorted()
      return unique(MISPSectors.names.map(\.name) + unknown)
    default: return []
    }
  }

  /// The `related` entries of a value: type and the identifier of the live object at the other end.
  static func related(_ id: DisarmID, in galaxy: MISPGalaxy, _ kb: KnowledgeBase) -> [(type: String, id: DisarmID)] {
    let groups: [(String, [DisarmID])]
    switch galaxy {
    case .techniques: groups = [("blocked-by", liveSources(id, .countersTechnique, kb))]
    case .countermeasures:
      groups = [("blocks", liveTargets(id, .countersTechnique, kb)), ("affected-by", liveTargets(id, .actorType, kb))]
    case .actortypes: groups = [("affects", liveSources(id, .actorType, kb))]
    case .detections: groups = []
    }
    return groups.flatMap { type, ids in Set(ids).sorted().map { (type, $0) } }
  }

  // MARK: - Selection

  /// Live objects of one kind, by identifier.
  static func live(_ kind: ObjectKind, in kb: KnowledgeBase) -> [DisarmObject] {
    kb.objects(of: kind).filter { !$0.isStale }
  }

  static func isLive(_ id: DisarmID, _ kb: KnowledgeBase) -> Bool { kb[id].map { !$0.isStale } ?? false }

  /// Live tactics in framework order, then any live tactic the framework matrix does not show, by identifier.
  static func tactics(in kb: KnowledgeBase) -> [DisarmObject] {
    var seen = Set<DisarmID>()
    let ordered = kb.tacticOrder.compactMap { kb[$0] }.filter { $0.kind == .tactic && !$0.isStale }
    return (ordered + live(.tactic, in: kb)).filter { seen.insert($0.id).inserted }
  }

  static func liveTargets(_ id: DisarmID, _ kind: RelationKind, _ kb: KnowledgeBase) -> [DisarmID] {
    kb.outgoing(id, kind).map(\.target).filter { isLive($0, kb) }
  }

  static func liveSources(_ id: DisarmID, _ kind: RelationKind, _ kb: KnowledgeBase) -> [DisarmID] {
    kb.incoming(id, kind).map(\.source).filter { isLive($0, kb) }
  }

  /// An object's name for a kill chain; its identifier when the name is empty.
  static func displayName(of id: DisarmID, _ kb: KnowledgeBase) -> String {
    let name = kb[id]?.name.trimmingWhitespace() ?? ""
    return name.isEmpty ? id.string : name
  }

  static func field(_ object: DisarmObject, _ key: String) -> String {
    object.fields.first { $0.key == key }?.value.trimmed ?? ""
  }

  static func unique(_ names: [String]) -> [String] {
    var seen = Set<String>()
    return names.filter { seen.insert($0).inserted }
  }
}
