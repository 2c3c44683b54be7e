import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser
import DisarmRegeneration

/// The knowledge base as a STIX 2.1 bundle, a drop-in replacement for the DISARM Foundation's own
/// (`generated_files/DISARM_STIX/DISARM.json`) with more in it:
///
/// - one `identity` (DISARM Foundation) and one `marking-definition` (the licence statement) that every object
///   refers to;
/// - one `x-mitre-matrix` with the tactics in framework order, each tactic an `x-mitre-tactic` with its
///   `x_mitre_shortname` (``TacticShortName``);
/// - techniques and sub-techniques as `attack-pattern`, their kill-chain phase the tactic's short name, their
///   DISARM ID the first external reference, and `subtechnique-of` relationships;
/// - counters as `course-of-action` with `mitigates` relationships to the techniques they counter, and incidents
///   as `campaign` with `uses` relationships to their techniques, carrying the description given for the pair.
///
/// Stale pages are left out. Identifiers are name-based (``STIXIdentifiers``) unless other bundles give the same
/// objects theirs (``STIXKnownIDs``), and every timestamp is the one date of the options, or the previous export's
/// for unchanged objects (``STIXCollection``), so that the same pages always give the same bytes. Retired
/// identifiers are revoked or deprecated; ``STIXProfile`` shapes the bundle for one consumer. `docs/EXPORTS.md`
/// describes every field.
public enum STIXBundle {
  /// How to export.
  public struct Options: Sendable {
    /// Which kill chain the techniques' phases name, and so which tools read the bundle (``STIXKillChain``).
    public var killChain: STIXKillChain
    /// `created` and `modified` of every object without a ``history``.
    public var date: STIXDate
    /// Each page's history (by page-folder-relative path), when dates come from git (`--dates git`): the object's
    /// `created` and `modified`, and a technique's `x_mitre_version`, so that ATT&CK's diff tools compare two
    /// exports meaningfully.
    public var history: [String: STIXPageHistory]
    /// The consumer the bundle is shaped for (``STIXProfile``).
    public var profile: STIXProfile
    /// The Navigator domain identifier of the `navigator` profile (`x_mitre_domains`, the matrix's reference).
    public var domain: String
    /// Identifiers other bundles gave the objects (`--ids-from`, `--previous`); the rest are name-based.
    public var knownIDs: STIXKnownIDs
    /// The previous export (`--previous`): dates and versions of unchanged objects are kept
    /// (``STIXCollection``), and the bundle gets an `x-mitre-collection`.
    public var previous: STIXInputBundle?
    /// Whether the bundle gets an `x-mitre-collection` without a previous export (the first of a series).
    public var collection: Bool

    /// The date has no default: `disarm export stix` passes ``STIXDate/newestDateAdded(in:)`` unless told otherwise,
    /// so that the output never depends on the clock.
    public init(
      killChain: STIXKillChain = .mitreAttack, date: STIXDate, history: [String: STIXPageHistory] = [:],
      profile: STIXProfile = .disarm, domain: String = "enterprise-attack", knownIDs: STIXKnownIDs = STIXKnownIDs(),
      previous: STIXInputBundle? = nil, collection: Bool = false
    ) {
      self.killChain = killChain
      self.date = date
      self.history = history
      self.profile = profile
      self.domain = domain
      self.knownIDs = knownIDs
      self.previous = previous
      self.collection = collection
    }
  }

  /// An export and what it says about itself: which object got which identifier from where, and what changed since
  /// the previous export.
  public struct Export {
    /// The bundle as JSON bytes.
    public var bytes: [UInt8]
    /// Every identifier of the bundle's objects (the bundle's own excepted), by type then name.
    public var identifiers: [STIXIDAssignment.Given]
    /// What `--previous` found; nil without one.
    public var versions: STIXCollection.Summary?
  }

  /// Where DISARM's pages are published; an object's URL is this, its folder and `ID.md`.
  public static let pagesURL = "https://github.com/DISARMFoundation/DISARMframeworks/blob/main/generated_pages"
  /// The platforms every technique claims: the ATT&CK Navigator shows no technique without one of its platforms,
  /// so the DISARM Foundation's bundle gives these three, and so does this one.
  public static let platforms = ["Windows", "Linux", "Mac"]
  /// The licence statement of the marking definition.
  public static let licenceStatement = "CC-BY-SA-4.0 DISARM Foundation"
  static let frameworkDescription =
    "DISARM is a framework designed for describing and understanding disinformation incidents."

  /// The bundle as JSON bytes (sorted keys, two-space indentation, final newline).
  public static func bytes(for kb: KnowledgeBase, options: Options) -> [UInt8] {
    bytes(of: objects(for: kb, options: options))
  }

  /// The bundle, with which identifiers came from where and what changed since the previous export.
  public static func export(for kb: KnowledgeBase, options: Options) -> Export {
    var builder = Builder(kb: kb, options: options)
    let objects = builder.build()
    let ids = Set(objects.compactMap { $0["id"]?.stringValue })
    return Export(
      bytes: bytes(of: objects), identifiers: builder.ids.record(of: ids),
      versions: builder.versions)
  }

  /// The bundle.
  public static func document(for kb: KnowledgeBase, options: Options) -> JSONValue {
    document(of: objects(for: kb, options: options))
  }

  /// The bundle of `objects`, its identifier name-based on their bytes.
  static func document(of objects: [JSONValue]) -> JSONValue {
    .object([
      "type": .string("bundle"), "id": .string(identifier(ofObjectsWritten: JSONWriter.write(.array(objects)))),
      "objects": .array(objects),
    ])
  }

  /// The bundle's identifier: `bundle ` and the SHA-1 (hexadecimal) of the objects written as a document of their
  /// own.
  static func identifier(ofObjectsWritten bytes: [UInt8]) -> String {
    let hex = SHA1.digest(bytes).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    return STIXIdentifiers.id("bundle", name: "bundle \(hex)")
  }

  /// `JSONWriter.write(document(of: objects))`, with the objects written once rather than twice (for the digest and
  /// for the bundle; writing them is most of an export's time): the array written inside the bundle, one level deep,
  /// differs from the array written alone only by two more spaces after each line break (strings never hold a raw
  /// line break), so the digest is taken over the nested bytes with those spaces left out.
  static func bytes(of objects: [JSONValue]) -> [UInt8] {
    var nested: [UInt8] = []
    JSONWriter.write(.array(objects), indent: 1, into: &nested)
    var alone: [UInt8] = []
    alone.reserveCapacity(nested.count + 1)
    var index = 0
    while index < nested.count {
      let byte = nested[index]
      alone.append(byte)
      index += byte == UInt8(ascii: "\n") ? 3 : 1
    }
    alone.append(UInt8(ascii: "\n"))
    var output: [UInt8] = []
    output.reserveCapacity(nested.count + 200)
    output += "{\n  \"id\": ".utf8
    JSONWriter.writeString(identifier(ofObjectsWritten: alone), into: &output)
    output += ",\n  \"objects\": ".utf8
    output += nested
    output += ",\n  \"type\": \"bundle\"\n}\n".utf8
    return output
  }

  /// The bundle's objects in a fixed order: identity, marking definition, matrix, tactics (framework order),
  /// techniques, courses of action and campaigns (by ID), then relationships (by type, source, target).
  public static func objects(for kb: KnowledgeBase, options: Options) -> [JSONValue] {
    var builder = Builder(kb: kb, options: options)
    return builder.build()
  }

  struct Builder {
    let kb: KnowledgeBase
    let options: Options
    let shortNames: [DisarmID: String]
    let timestamp: String
    /// Where each identifier comes from.
    let ids: STIXIDAssignment
    /// Each tactic's place in the matrix, from 1 (the `opencti` profile's `x_opencti_order`).
    let tacticOrder: [DisarmID: Int]
    /// What `--previous` found, once built.
    var versions: STIXCollection.Summary?

    init(kb: KnowledgeBase, options: Options) {
      self.kb = kb
      self.options = options
      shortNames = TacticShortName.all(in: kb)
      timestamp = options.date.timestamp
      ids = STIXIDAssignment(known: options.knownIDs)
      var order: [DisarmID: Int] = [:]
      for (index, tactic) in STIXSelection.tactics(in: kb).enumerated() { order[tactic.id] = index + 1 }
      tacticOrder = order
    }

    /// The identifier of the STIX object exported for a DISARM object.
    func id(_ type: String, for object: DisarmID) -> String { ids.id(type, name: object.string) }

    /// The identifier of a relationship between two DISARM objects.
    func relationshipID(_ source: DisarmID, _ type: String, _ target: DisarmID) -> String {
      ids.id("relationship", name: "\(source.string) \(type) \(target.string)")
    }

    var identityID: String { ids.id("identity", name: "identity DISARM Foundation") }
    var markingID: String { ids.id("marking-definition", name: "marking-definition CC-BY-SA-4.0 DISARM Foundation") }
    var matrixID: String { ids.id("x-mitre-matrix", name: "x-mitre-matrix DISARM Framework") }

    mutating func build() -> [JSONValue] {
      let tactics = STIXSelection.tactics(in: kb)
      let techniques = STIXSelection.live(.technique, in: kb)
      let counters = STIXSelection.live(.counter, in: kb)
      let incidents = STIXSelection.live(.incident, in: kb)
      var objects: [JSONValue] = [identity(), marking(), matrix(tactics)]
      objects += tactics.map(tactic)
      objects += techniques.map(technique)
      let retired = retiredEntries()
      objects += retired.filter { $0.id.kind == .technique }.map(retiredObject)
      objects += counters.map(courseOfAction)
      objects += retired.filter { $0.id.kind == .counter }.map(retiredObject)
      objects += incidents.map(campaign)
      objects += relationships(techniques: techniques, counters: counters, incidents: incidents)
      objects += retired.compactMap(revokedBy)
      if let previous = options.previous {
        let carried = STIXCollection.carryVersions(objects, previous: previous, timestamp: timestamp)
        objects = carried.objects
        versions = carried.summary
      }
      if options.previous != nil || options.collection {
        let collection = STIXCollection.collection(
          of: objects, id: ids.id("x-mitre-collection", name: STIXCollection.name), name: kb.framework.exportName,
          description: STIXBundle.frameworkDescription, timestamp: timestamp, previous: options.previous,
          summary: versions ?? STIXCollection.Summary())
        versions?.version = collection["x_mitre_version"]?.stringValue
        objects.append(collection)
      }
      return objects
    }

    /// The register's retired techniques and counters that have no live object (`retired.yml`), by identifier.
    func retiredEntries() -> [RetiredRegister.Entry] {
      kb.register.entries.filter { entry in
        (entry.id.kind == .technique || entry.id.kind == .counter) && !STIXSelection.isLive(entry.id, in: kb)
      }.sorted { $0.id < $1.id }
    }

    /// The STIX type of a technique or counter.
    static func type(of kind: ObjectKind) -> String { kind == .technique ? "attack-pattern" : "course-of-action" }

    /// The live replacement of a retired entry, when it is of the same kind (ATT&CK revokes an object only in favour
    /// of one of its own type).
    func replacement(of entry: RetiredRegister.Entry) -> DisarmID? {
      guard let target = entry.replacedBy, target.kind == entry.id.kind, STIXSelection.isLive(target, in: kb) else {
        return nil
      }
      return target
    }

    /// A retired object as ATT&CK marks one: under the identifier's own STIX id (so that consumers update the
    /// object they have), `revoked` when something replaces it (with a `revoked-by` relationship), else
    /// `x_mitre_deprecated`; tools that drop revoked and deprecated objects (mitreattack-python's
    /// `remove_revoked_deprecated`) leave it out.
    func retiredObject(_ entry: RetiredRegister.Entry) -> JSONValue {
      let type = Self.type(of: entry.id.kind)
      var result = common(type, id: id(type, for: entry.id))
      result["name"] = .string(entry.name ?? entry.id.string)
      var description = "Retired" + (entry.retired.map { " in \($0)" } ?? "") + "."
      if let reason = entry.reason { description += " " + reason }
      result["description"] = .string(description)
      result["external_references"] = .array([
        .object([
          "source_name": .string(options.killChain.idSourceName), "external_id": .string(entry.id.string),
          "url": .string("\(STIXBundle.pagesURL)/\(entry.id.kind.folder)/\(entry.id.string).md"),
        ])
      ])
      if replacement(of: entry) != nil {
        result["revoked"] = .bool(true)
      } else {
        result["x_mitre_deprecated"] = .bool(true)
      }
      if entry.id.kind == .technique {
        result["x_mitre_is_subtechnique"] = .bool(entry.id.isSubtechnique)
        result["x_mitre_platforms"] = .array(STIXBundle.platforms.map { .string($0) })
        result["x_mitre_version"] = .string("1.0")
      }
      if options.profile == .opencti { result["x_mitre_id"] = .string(entry.id.string) }
      return .object(profiled(result))
    }

    /// The `revoked-by` relationship from a retired object to its replacement.
    func revokedBy(_ entry: RetiredRegister.Entry) -> JSONValue? {
      guard let target = replacement(of: entry) else { return nil }
      let type = Self.type(of: entry.id.kind)
      var result = common("relationship", id: relationshipID(entry.id, "revoked-by", target))
      result["relationship_type"] = .string("revoked-by")
      result["source_ref"] = .string(id(type, for: entry.id))
      result["target_ref"] = .string(id(type, for: target))
      return .object(result)
    }

    /// `type`, `spec_version`, `id`, `created`, `modified`, `created_by_ref`, `object_marking_refs`.
    func common(_ type: String, id: String) -> [String: JSONValue] {
      [
        "type": .string(type), "spec_version": .string("2.1"), "id": .string(id), "created": .string(timestamp),
        "modified": .string(timestamp), "created_by_ref": .string(identityID),
        "object_marking_refs": .array([.string(markingID)]),
      ]
    }

    /// The common properties, name, description (the summary, when there is one) and the DISARM ID reference.
    func domainObject(_ type: String, _ object: DisarmObject, sourceName: String) -> [String: JSONValue] {
      var result = common(type, id: id(type, for: object.id))
      if let history = options.history[object.file] {
        result["created"] = .string(history.created)
        result["modified"] = .string(history.modified)
      }
      result["name"] = .string(object.name)
      if let summary = object.summary?.trimmed, !summary.isEmpty { result["description"] = .string(summary) }
      result["external_references"] = .array([
        .object([
          "source_name": .string(sourceName), "external_id": .string(object.id.string),
          "url": .string("\(STIXBundle.pagesURL)/\(object.kind.folder)/\(object.id.string).md"),
        ])
      ])
      // An extension's own objects say so: consumers tell a team's additions from the framework's.
      if kb.origin(of: object.id) == .local { result["x_disarm_local"] = .bool(true) }
      return result
    }

    func identity() -> JSONValue {
      .object([
        "type": .string("identity"), "spec_version": .string("2.1"), "id": .string(identityID),
        "created": .string(timestamp), "modified": .string(timestamp), "name": .string("DISARM Foundation"),
        "description": .string(STIXBundle.frameworkDescription), "identity_class": .string("organization"),
      ])
    }

    func marking() -> JSONValue {
      .object([
        "type": .string("marking-definition"), "spec_version": .string("2.1"), "id": .string(markingID),
        "created": .string(timestamp), "created_by_ref": .string(identityID),
        "name": .string("DISARM Foundation"), "definition_type": .string("statement"),
        "definition": .object(["statement": .string(STIXBundle.licenceStatement)]),
      ])
    }

    func matrix(_ tactics: [DisarmObject]) -> JSONValue {
      var result = common("x-mitre-matrix", id: matrixID)
      result["name"] = .string(kb.framework.exportName)
      result["description"] = .string(STIXBundle.frameworkDescription)
      result["tactic_refs"] = .array(tactics.map { .string(id("x-mitre-tactic", for: $0.id)) })
      // The Navigator reads a matrix's first reference as its identifier, which ATT&CK's matrices give as the domain.
      let matrixID = options.profile == .navigator ? options.domain : "DISARM"
      result["external_references"] = .array([
        .object([
          "source_name": .string("DISARM"), "external_id": .string(matrixID),
          "url": .string("https://github.com/DISARMFoundation/DISARMframeworks"),
        ])
      ])
      return .object(profiled(result))
    }

    func tactic(_ object: DisarmObject) -> JSONValue {
      var result = domainObject("x-mitre-tactic", object, sourceName: "DISARM")
      result["x_mitre_shortname"] = .string(shortNames[object.id]!)
      if options.profile == .opencti, let order = tacticOrder[object.id] { result["x_opencti_order"] = .int(order) }
      return .object(profiled(result))
    }

    /// The tactic whose kill-chain phase a technique is in: its own, or its live parent's when the profile places
    /// sub-techniques with their parent (the parent's, when it has one).
    func phaseTactic(of object: DisarmObject) -> DisarmID? {
      if options.profile.phasesFromParent, let parent = object.id.parentTechnique, STIXSelection.isLive(parent, in: kb),
        let tactic = kb.tactic(of: parent), shortNames[tactic] != nil
      {
        return tactic
      }
      return kb.tactic(of: object.id)
    }

    func technique(_ object: DisarmObject) -> JSONValue {
      var result = domainObject("attack-pattern", object, sourceName: options.killChain.idSourceName)
      if let tactic = phaseTactic(of: object), let shortName = shortNames[tactic] {
        var phase: [String: JSONValue] = [
          "kill_chain_name": .string(options.killChain.killChainName), "phase_name": .string(shortName),
        ]
        if options.profile == .opencti, let order = tacticOrder[tactic] { phase["x_opencti_order"] = .int(order) }
        result["kill_chain_phases"] = .array([.object(phase)])
      }
      result["x_mitre_is_subtechnique"] = .bool(object.id.isSubtechnique)
      result["x_mitre_platforms"] = .array(STIXBundle.platforms.map { .string($0) })
      result["x_mitre_version"] = .string(options.history[object.file]?.version ?? "1.0")
      if options.profile == .opencti { result["x_mitre_id"] = .string(object.id.string) }
      return .object(profiled(result))
    }

    func courseOfAction(_ object: DisarmObject) -> JSONValue {
      var result = domainObject("course-of-action", object, sourceName: options.killChain.idSourceName)
      if options.profile == .opencti { result["x_mitre_id"] = .string(object.id.string) }
      return .object(profiled(result))
    }

    func campaign(_ object: DisarmObject) -> JSONValue {
      .object(profiled(domainObject("campaign", object, sourceName: options.killChain.idSourceName)))
    }

    /// A domain object with what the profile adds to every one: the `navigator` profile's `x_mitre_domains`, by which
    /// the Navigator keeps the objects of the domain it loads.
    func profiled(_ object: [String: JSONValue]) -> [String: JSONValue] {
      guard options.profile == .navigator else { return object }
      var result = object
      result["x_mitre_domains"] = .array([.string(options.domain)])
      return result
    }

    func relationship(
      _ source: DisarmID, _ sourceType: String, _ type: String, _ target: DisarmID, description: String? = nil
    ) -> JSONValue {
      var result = common("relationship", id: relationshipID(source, type, target))
      result["relationship_type"] = .string(type)
      result["source_ref"] = .string(id(sourceType, for: source))
      result["target_ref"] = .string(id("attack-pattern", for: target))
      if let description, !description.isEmpty { result["description"] = .string(description) }
      return .object(result)
    }

    func relationships(techniques: [DisarmObject], counters: [DisarmObject], incidents: [DisarmObject]) -> [JSONValue] {
      var result: [JSONValue] = []
      for technique in techniques {
        guard let parent = technique.id.parentTechnique, STIXSelection.isLive(parent, in: kb) else { continue }
        result.append(relationship(technique.id, "attack-pattern", "subtechnique-of", parent))
      }
      for counter in counters {
        let relations = kb.outgoing(counter.id, .countersTechnique)
        let targets = Set(relations.filter { $0.isResolved && STIXSelection.isLive($0.target, in: kb) }.map(\.target))
        for target in targets.sorted() {
          result.append(relationship(counter.id, "course-of-action", "mitigates", target))
        }
      }
      for incident in incidents {
        for (target, description) in STIXSelection.techniques(of: incident.id, in: kb) {
          result.append(relationship(incident.id, "campaign", "uses", target, description: description))
        }
      }
      return result
    }
  }
}
