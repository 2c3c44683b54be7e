import DisarmDiagnostics
import DisarmModel

/// The cluster values of retired identifiers (`retired.yml`): MISP asks that a cluster value be kept when its object
/// is retired, marked rather than deleted, so that the events tagged with it keep their meaning. A retired
/// identifier that something replaces is `revoked: true` with a `revoked-by` `related` entry to the replacement's
/// value; one that nothing replaces is `meta.deprecated: true`. Neither has a kill chain, so MISP's matrix view
/// leaves them out.
enum MISPRetiredValues {
  /// The values of the register's identifiers of `galaxy`'s kind that have no live object, with their identifiers.
  /// A retired name that meets one of `liveNames` (the live values') is written `Name - ID`, so that no two values of
  /// the cluster are the same. (The live names are compared only when there is a retired value: their comparison
  /// keys cost more than the rest of the cluster.)
  static func values(
    of galaxy: MISPGalaxy, in kb: KnowledgeBase, liveNames: some Collection<String>, _ options: MISPExport.Options
  ) -> [(DisarmID, JSONValue)] {
    var result: [(DisarmID, JSONValue)] = []
    let entries = kb.register.entries.filter { $0.id.kind == galaxy.kind && !MISPExport.isLive($0.id, kb) }
    guard !entries.isEmpty else { return [] }
    var used = Set(liveNames.map(MISPValueNames.key))
    for entry in entries.sorted(by: { $0.id < $1.id }) {
      var name = entry.name?.trimmingWhitespace() ?? ""
      if name.isEmpty { name = entry.id.string }
      if !used.insert(MISPValueNames.key(name)).inserted {
        name = "\(name) - \(entry.id.string)"
        used.insert(MISPValueNames.key(name))
      }
      var description = "Retired" + (entry.retired.map { " in \($0)" } ?? "") + "."
      if let reason = entry.reason?.trimmingWhitespace(), !reason.isEmpty { description += " " + reason }
      var meta: [String: JSONValue] = [
        "external_id": .string(entry.id.string), "refs": .array([.string(MISPExport.reference(to: entry.id, options))]),
      ]
      var value: [String: JSONValue] = [
        "description": .string(description), "uuid": .string(MISPIdentifiers.value(entry.id).description),
        "value": .string(name),
      ]
      if let replacement = replacement(of: entry, in: kb) {
        value["revoked"] = .bool(true)
        value["related"] = .array([
          .object([
            "dest-uuid": .string(MISPIdentifiers.value(replacement).description), "type": .string("revoked-by"),
          ])
        ])
      } else {
        meta["deprecated"] = .bool(true)
        value["related"] = .array([])
      }
      value["meta"] = .object(meta)
      result.append((entry.id, .object(value)))
    }
    return result
  }

  /// The live object that replaces a retired entry, when the export has a value for it (a kind MISP has a galaxy
  /// for), so that the `related` entry resolves.
  static func replacement(of entry: RetiredRegister.Entry, in kb: KnowledgeBase) -> DisarmID? {
    guard let target = entry.replacedBy, MISPExport.isLive(target, kb),
      MISPGalaxy.allCases.contains(where: { $0.kind == target.kind })
    else { return nil }
    return target
  }
}
