import DisarmDiagnostics

/// Which STIX identifier each object of one export gets, and where it came from: a known one
/// (``STIXKnownIDs``, `--ids-from`, `--previous`) or the name-based one (``STIXIdentifiers``). It keeps a record of
/// every identifier it gave, so that the export can say which objects kept which ids (`--ids-report`).
public final class STIXIDAssignment {
  /// One identifier given: the object's type and the name ``STIXIdentifiers`` hashes for it (its DISARM identifier,
  /// `SOURCE TYPE TARGET` for a relationship), the identifier, and the bundle it came from (nil: name-based).
  public struct Given: Sendable, Equatable {
    public var type: String
    public var name: String
    public var id: String
    public var origin: String?
  }

  let known: STIXKnownIDs
  private var given: [String: Given] = [:]

  init(known: STIXKnownIDs) { self.known = known }

  /// The identifier of the object of `type` that `STIXIdentifiers.id(type, name: name)` would name.
  func id(_ type: String, name: String) -> String {
    let key = STIXKnownIDs.key(type, name)
    if let given = given[key] { return given.id }
    let result: Given
    if let known = known.known(type, name: name) {
      result = Given(type: type, name: name, id: known.id, origin: known.path)
    } else {
      result = Given(type: type, name: name, id: STIXIdentifiers.id(type, name: name), origin: nil)
    }
    given[key] = result
    return result.id
  }

  /// Every identifier given, of the objects among `ids` (the bundle's objects; an identifier asked for only as a
  /// reference, such as the target of a relationship that was not written, is left out), by type then name.
  func record(of ids: Set<String>) -> [Given] {
    given.values.filter { ids.contains($0.id) }.sorted { ($0.type, $0.name) < ($1.type, $1.name) }
  }
}
