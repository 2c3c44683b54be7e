import DisarmDiagnostics
import DisarmModel
import DisarmRegeneration

/// The UUIDs of the MISP galaxy export: the same ones the MISP project publishes in its `disarm-*` galaxies and
/// clusters, so that an exported galaxy updates MISP's own rather than adding a second copy of every object.
///
/// They are name-based (UUIDv5) in the namespace `9d6bd9d2-2cd3-4900-b61a-06cd64df3996`, the constant of the DISARM
/// Foundation's galaxy generator (`CODE/generate_DISARM_MISP_galaxy.py`). The name is the DISARM identifier for a
/// value (`T0002`), `disarm-galaxy-TYPE` for a galaxy and `disarm-cluster-TYPE` for a cluster, where TYPE is
/// `techniques`, `countermeasures`, `detections` or `actortypes`.
public enum MISPIdentifiers {
  /// The namespace of every UUID of the export.
  public static let namespace = UUIDv5("9d6bd9d2-2cd3-4900-b61a-06cd64df3996")!

  /// The UUID of the cluster value exported for a DISARM object (also the `dest-uuid` of relations to it).
  public static func value(_ id: DisarmID) -> UUIDv5 { UUIDv5(namespace: namespace, name: id.string) }

  /// The UUID of a galaxy file.
  public static func galaxy(_ galaxy: MISPGalaxy) -> UUIDv5 {
    UUIDv5(namespace: namespace, name: "disarm-galaxy-\(galaxy.rawValue)")
  }

  /// The UUID of a cluster file.
  public static func cluster(_ galaxy: MISPGalaxy) -> UUIDv5 {
    UUIDv5(namespace: namespace, name: "disarm-cluster-\(galaxy.rawValue)")
  }

  /// The UUID of a galaxy file of `kb`'s framework: DISARM's for DISARM's names, else named after the framework's
  /// type (`disarm-galaxy-assessments`, `amitt-galaxy-techniques`), so that two frameworks' galaxies never share one.
  public static func galaxy(_ galaxy: MISPGalaxy, in kb: KnowledgeBase) -> UUIDv5 {
    UUIDv5(namespace: namespace, name: "\(MISPGalaxy.namespace(in: kb))-galaxy-\(galaxy.segment(in: kb))")
  }

  /// The UUID of a cluster file of `kb`'s framework (see ``galaxy(_:in:)``).
  public static func cluster(_ galaxy: MISPGalaxy, in kb: KnowledgeBase) -> UUIDv5 {
    UUIDv5(namespace: namespace, name: "\(MISPGalaxy.namespace(in: kb))-cluster-\(galaxy.segment(in: kb))")
  }
}
