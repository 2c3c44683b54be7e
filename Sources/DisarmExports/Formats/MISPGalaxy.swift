import DisarmDiagnostics
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
