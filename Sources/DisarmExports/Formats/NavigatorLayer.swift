import DisarmDiagnostics
import DisarmModel
import DisarmRegeneration

/// An ATT&CK Navigator layer (layer format 4.5) over the DISARM matrix of the STIX export: `techniqueID` is the
/// DISARM ID and `tactic` the tactic's short name (``TacticShortName``), as the STIX bundle's `x_mitre_shortname`.
///
/// - With incidents given, the techniques those incidents use are highlighted (colour and a score: how many of the
///   given incidents use each), with the incidents' IDs, names and the description given for the pair as the
///   comment and as metadata.
/// - Scored by incidents, every technique gets as its score the number of incidents (the given ones, else all live
///   ones) that use it, shown by the gradient as a heat map.
/// - With neither, the layer annotates nothing: the plain DISARM matrix.
///
/// Stale pages are left out. The output depends only on the pages and the options.
public enum NavigatorLayer {
  /// What to show.
  public struct Options: Sendable {
    /// Incidents whose techniques to highlight; empty for none.
    public var incidents: [DisarmID]
    /// Score techniques by the number of incidents using them (a heat map).
    public var scoreByIncidents: Bool
    /// The layer's `domain`: the identifier of the Navigator domain that holds the DISARM matrix.
    public var domain: String
    /// `versions.attack`, the version of the domain's data, when known.
    public var attackVersion: String?

    /// Without arguments: the plain matrix, in the `enterprise-attack` domain.
    public init(
      incidents: [DisarmID] = [], scoreByIncidents: Bool = false, domain: String = NavigatorLayer.defaultDomain,
      attackVersion: String? = nil
    ) {
      self.incidents = incidents
      self.scoreByIncidents = scoreByIncidents
      self.domain = domain
      self.attackVersion = attackVersion
    }
  }

  /// The layer format version written.
  public static let layerVersion = "4.5"
  /// The Navigator version written: the 5.x line, which reads layer format 4.5.
  public static let navigatorVersion = "5.1.0"
  /// `enterprise-attack`: the domain under which the DISARM bundle is loaded into a Navigator (the domain values
  /// layer tools accept are `enterprise-attack`, `mobile-attack` and `ics-attack`).
  public static let defaultDomain = "enterprise-attack"
  /// Colour of a highlighted technique.
  public static let highlightColor = "#ff6666"
  /// Gradient of the heat map, from no incident to the most.
  public static let gradientColors = ["#ffffff", "#ff6666"]

  /// The layer as JSON bytes (sorted keys, two-space indentation, final newline).
  public static func bytes(for kb: KnowledgeBase, options: Options) -> [UInt8] {
    JSONWriter.write(document(for: kb, options: options))
  }

  /// The layer.
  public static func document(for kb: KnowledgeBase, options: Options) -> JSONValue {
    let shortNames = TacticShortName.all(in: kb)
    let incidents =
      options.incidents.isEmpty
      ? (options.scoreByIncidents ? STIXSelection.live(.incident, in: kb).map(\.id) : [])
      : Array(Set(options.incidents)).sorted()
    let highlight = !options.incidents.isEmpty && !options.scoreByIncidents

    // Which of the chosen incidents use each technique, with the description for the pair.
    var uses: [DisarmID: [(incident: DisarmID, description: String)]] = [:]
    for incident in incidents {
      for (technique, description) in STIXSelection.techniques(of: incident, in: kb) {
        uses[technique, default: []].append((incident, description))
      }
    }

    var entries: [JSONValue] = []
    let scored = Set(uses.keys)
    let expanded = Set(scored.compactMap(\.parentTechnique)).filter { STIXSelection.isLive($0, in: kb) }
    let listed = STIXSelection.live(.technique, in: kb).filter { scored.contains($0.id) || expanded.contains($0.id) }
    for technique in listed {
      var entry: [String: JSONValue] = ["techniqueID": .string(technique.id.string), "enabled": .bool(true)]
      if let tactic = kb.tactic(of: technique.id), let shortName = shortNames[tactic] {
        entry["tactic"] = .string(shortName)
      }
      if expanded.contains(technique.id) { entry["showSubtechniques"] = .bool(true) }
      // An extension's own techniques say so in the layer's metadata, shown in the Navigator's tooltip.
      var metadata: [JSONValue] =
        kb.origin(of: technique.id) == .local ? [.object(["name": .string("origin"), "value": .string("local")])] : []
      if let pairs = uses[technique.id] {
        entry["score"] = .int(pairs.count)
        if highlight { entry["color"] = .string(highlightColor) }
        entry["comment"] = .string(comment(pairs, kb: kb, withDescriptions: !options.incidents.isEmpty))
        metadata +=
          pairs.map { pair in
            .object(["name": .string(pair.incident.string), "value": .string(kb[pair.incident]?.name ?? "")])
          }
      }
      if !metadata.isEmpty { entry["metadata"] = .array(metadata) }
      entries.append(.object(entry))
    }

    let maxScore = uses.values.map(\.count).max() ?? 0
    var versions: [String: JSONValue] = [
      "layer": .string(layerVersion), "navigator": .string(navigatorVersion),
    ]
    if let attack = options.attackVersion { versions["attack"] = .string(attack) }
    var legend: [JSONValue] = []
    if highlight {
      legend.append(
        .object([
          "label": .string("Seen in \(incidents.map(\.string).joined(separator: ", "))"),
          "color": .string(highlightColor),
        ]))
    }
    return frame(
      name: name(incidents: options.incidents, scored: options.scoreByIncidents, in: kb),
      description: description(incidents: incidents, options: options, in: kb), versions: versions,
      domain: options.domain, techniques: entries, maxScore: max(1, maxScore), legend: legend)
  }

  /// A whole layer around its technique entries: every member the Navigator's layer format 4.5 reads, with this
  /// project's fixed choices (side layout, IDs and names shown, sub-techniques expanded where annotated). Shared by
  /// `disarm export navigator` and `disarm diff --format navigator`.
  public static func frame(
    name: String, description: String, versions: [String: JSONValue], domain: String, techniques: [JSONValue],
    maxScore: Int, legend: [JSONValue]
  ) -> JSONValue {
    .object([
      "name": .string(name),
      "description": .string(description),
      "versions": .object(versions),
      "domain": .string(domain),
      "filters": .object(["platforms": .array(STIXBundle.platforms.map { .string($0) })]),
      "sorting": .int(0),
      "layout": .object([
        "layout": .string("side"), "aggregateFunction": .string("average"), "showID": .bool(true),
        "showName": .bool(true), "showAggregateScores": .bool(false), "countUnscored": .bool(false),
        "expandedSubtechniques": .string("annotated"),
      ]),
      "hideDisabled": .bool(false),
      "techniques": .array(techniques),
      "gradient": .object([
        "colors": .array(gradientColors.map { .string($0) }), "minValue": .int(0), "maxValue": .int(maxScore),
      ]),
      "legendItems": .array(legend),
      "metadata": .array([]),
      "links": .array([]),
      "showTacticRowBackground": .bool(false),
      "tacticRowBackground": .string("#dddddd"),
      "selectTechniquesAcrossTactics": .bool(true),
      "selectSubtechniquesWithParent": .bool(false),
      "selectVisibleTechniques": .bool(false),
    ])
  }

  /// The layer's name, in the framework's words (`DISARM: techniques of I00901`, `DISARM: assessments by number
  /// of incidents`, `AMITT`).
  static func name(incidents: [DisarmID], scored: Bool, in kb: KnowledgeBase) -> String {
    let brand = kb.framework.brand
    let techniques = kb.words(.technique).plural
    if !incidents.isEmpty {
      let list = Array(Set(incidents)).sorted().map(\.string).joined(separator: ", ")
      return scored ? "\(brand): \(techniques) by incident (\(list))" : "\(brand): \(techniques) of \(list)"
    }
    return scored ? "\(brand): \(techniques) by number of \(kb.words(.incident).plural)" : brand
  }

  static func description(incidents: [DisarmID], options: Options, in kb: KnowledgeBase) -> String {
    let technique = kb.words(.technique)
    let incident = kb.words(.incident)
    if options.scoreByIncidents {
      return "Score: the number of \(incident.plural) (of \(incidents.count)) whose \(technique.title) table names the "
        + "\(technique.singular)."
    }
    if !options.incidents.isEmpty {
      return "\(technique.pluralTitle) named in the \(technique.title) tables of "
        + "\(incidents.map(\.string).joined(separator: ", "))."
    }
    return "The \(kb.framework.brand) framework."
  }

  /// One paragraph per incident: `I00901 Name: description`, or the list of incident IDs for a heat map of all.
  static func comment(
    _ pairs: [(incident: DisarmID, description: String)], kb: KnowledgeBase, withDescriptions: Bool
  ) -> String {
    guard withDescriptions else {
      let count = pairs.count
      let list = pairs.map(\.incident.string).joined(separator: ", ")
      return "Used in \(count) incident\(count == 1 ? "" : "s"): \(list)"
    }
    return pairs.map { pair in
      let name = kb[pair.incident]?.name ?? ""
      let head = name.isEmpty ? pair.incident.string : "\(pair.incident.string) \(name)"
      return pair.description.isEmpty ? head : "\(head): \(pair.description)"
    }.joined(separator: "\n\n")
  }
}
