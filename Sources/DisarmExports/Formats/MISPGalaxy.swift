import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser

/// The four DISARM galaxies MISP publishes, each a galaxy file and a cluster file of one kind of object.
public enum MISPGalaxy: String, CaseIterable, Sendable {
  /// Techniques and sub-techniques (`disarm-techniques`).
  case techniques
  /// Counters, under MISP's name for them (`disarm-countermeasures`).
  case countermeasures
  /// Detections, which have no pages: read from `detections_index.md`.
  case detections
  /// Actor types: who can carry out a counter (`disarm-actortypes`).
  case actortypes

  /// The kind of object the cluster's values are.
  public var kind: ObjectKind {
    switch self {
    case .techniques: .technique
    case .countermeasures: .counter
    case .detections: .detection
    case .actortypes: .actorType
    }
  }

  /// The galaxy and cluster `type` (`disarm-techniques`), which is also the file name without `.json`.
  public var type: String { "disarm-\(rawValue)" }

  /// Whether `kb`'s framework calls this galaxy's kind something else than DISARM 1.x does (DISARM 2026's
  /// assessments): the galaxy is then named in the framework's words rather than MISP's DISARM names.
  func isRenamed(in kb: KnowledgeBase) -> Bool {
    kb.words(kind).plural != BuiltInFrameworks.standard.kind(kind)?.plural
  }

  /// The part of the type after the namespace: `techniques` (DISARM's name, kept for every framework that calls
  /// the kind so), or the framework's plural without spaces (`assessments`).
  func segment(in kb: KnowledgeBase) -> String {
    isRenamed(in: kb) ? kb.words(kind).plural.replacingAll(" ", "") : rawValue
  }

  /// The namespace and category: the framework's brand in lower case (`disarm`, `amitt`).
  static func namespace(in kb: KnowledgeBase) -> String { kb.framework.brand.lowercased() }

  /// The `type` for `kb`'s framework: `disarm-techniques` for DISARM 1.x (MISP's own), `disarm-assessments` for
  /// DISARM 2026, `amitt-techniques` for AMITT.
  public func type(in kb: KnowledgeBase) -> String { "\(Self.namespace(in: kb))-\(segment(in: kb))" }

  /// The `name` for `kb`'s framework: MISP's (`Techniques`) unless the framework renames the kind (`Assessments`).
  public func name(in kb: KnowledgeBase) -> String { isRenamed(in: kb) ? kb.words(kind).pluralTitle : name }

  /// A kill chain's key as written in `kb`'s framework: `tactics` unless the framework renames its tactics
  /// (`categories`).
  static func killChainKey(_ chain: String, in kb: KnowledgeBase) -> String {
    guard chain == "tactics", kb.words(.tactic).plural != "tactics" else { return chain }
    return kb.words(.tactic).plural.replacingAll(" ", "")
  }

  /// The galaxy and cluster `name`.
  public var name: String {
    switch self {
    case .techniques: "Techniques"
    case .countermeasures: "Countermeasures"
    case .detections: "Detections"
    case .actortypes: "Actor Types"
    }
  }

  /// The Font Awesome icon MISP shows for the galaxy.
  public var icon: String {
    switch self {
    case .techniques: "map"
    case .countermeasures: "shield-alt"
    case .detections: "bell"
    case .actortypes: "user-secret"
    }
  }

  /// The kill-chain keys of the galaxy's `kill_chain_order`, in the order values list them in `meta.kill_chain`.
  public var killChains: [String] {
    switch self {
    case .techniques: ["tactics"]
    case .countermeasures: ["tactics", "responsetypes", "metatechniques"]
    case .detections: ["tactics", "responsetypes"]
    case .actortypes: ["sectors"]
    }
  }
}
