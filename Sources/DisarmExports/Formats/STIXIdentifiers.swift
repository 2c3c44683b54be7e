import DisarmDiagnostics
import DisarmModel
import DisarmRegeneration

/// STIX identifiers of the export: `type--UUID` with a name-based UUID, so that exporting the same knowledge base
/// again, or a later version of it, never changes an object's identifier.
///
/// The UUID is UUIDv5(namespace, name), the namespace being UUIDv5(DNS, `disarm.foundation`) =
/// `db0ff757-ffec-57f1-b087-7c7fb134d12b`. The name is the DISARM identifier for objects that have one
/// (`T0151.008`), `SOURCE RELATIONSHIP-TYPE TARGET` for relationships (`T0151.008 subtechnique-of T0151`), and a
/// fixed phrase for the bundle's own objects (`identity DISARM Foundation`).
///
/// One exception: mitreattack-python builds `x-mitre-matrix` and `x-mitre-tactic` objects, and checks the
/// identity and marking definition they refer to, as STIX 2.0 objects, and STIX 2.0 accepts only version-4 UUIDs.
/// Those objects (``stix20Types``) get the same name-based UUID with its version digit set to 4.
public enum STIXIdentifiers {
  /// The namespace of every UUID of the export.
  public static let namespace = UUIDv5(namespace: .dnsNamespace, name: "disarm.foundation")

  /// The object types whose UUIDs carry version 4, for tools that read them as STIX 2.0.
  public static let stix20Types: Set<String> = ["identity", "marking-definition", "x-mitre-matrix", "x-mitre-tactic"]

  /// `type--UUIDv5(namespace, name)` (version digit 4 for ``stix20Types``).
  public static func id(_ type: String, name: String) -> String {
    var bytes = UUIDv5(namespace: namespace, name: name).bytes
    if stix20Types.contains(type) { bytes[6] = (bytes[6] & 0x0F) | 0x40 }
    let hex = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }
    let groups = [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }
    return "\(type)--\(groups.joined(separator: "-"))"
  }

  /// The identifier of the STIX object exported for a DISARM object.
  public static func id(_ type: String, for object: DisarmID) -> String { id(type, name: object.string) }

  /// The identifier of a relationship between two DISARM objects.
  public static func relationship(_ source: DisarmID, _ type: String, _ target: DisarmID) -> String {
    id("relationship", name: "\(source.string) \(type) \(target.string)")
  }

  /// The DISARM Foundation identity that creates every object.
  public static let identity = id("identity", name: "identity DISARM Foundation")
  /// The licence statement marking every object.
  public static let marking = id("marking-definition", name: "marking-definition CC-BY-SA-4.0 DISARM Foundation")
  /// The one matrix.
  public static let matrix = id("x-mitre-matrix", name: "x-mitre-matrix DISARM Framework")
}
