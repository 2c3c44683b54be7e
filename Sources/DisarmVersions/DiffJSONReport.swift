import DisarmDiagnostics
import DisarmModel

/// `disarm diff --format json`: the comparison as one JSON document, sorted keys, final newline. Its schema is
/// `schema/diff.schema.json`.
public enum DiffJSONReport {
  /// The schema's `$id`, also written as the document's `$schema`.
  public static let schemaID = "https://github.com/disarm-tools/disarm/schema/diff.schema.json"

  public static func render(_ diff: VersionDiff) -> [UInt8] {
    func side(_ side: VersionDiff.Side) -> JSONValue {
      .object(["label": .string(side.label), "framework": .string(side.framework), "objects": .int(side.objects)])
    }
    func id(_ id: DisarmID?) -> JSONValue { id.map { .string($0.string) } ?? .null }
    let kinds: [JSONValue] = diff.kinds.map { kind in
      .object([
        "kind": .string(kind.role.rawValue),
        "words": .string(kind.words.plural),
        "added": .array(kind.added.map { .object(["id": .string($0.id.string), "name": .string($0.name)]) }),
        "removed": .array(
          kind.removed.map { removal in
            var object: [String: JSONValue] = ["id": .string(removal.id.string), "name": .string(removal.name)]
            if let entry = removal.retirement {
              object["retired"] = .object([
                "when": entry.retired.map { .string($0) } ?? .null,
                "reason": entry.reason.map { .string($0) } ?? .null,
                "replacedBy": id(entry.replacedBy),
              ])
            } else {
              object["retired"] = .null
            }
            return .object(object)
          }),
        "renamed": .array(
          kind.renamed.map { .object(["id": .string($0.id.string), "old": .string($0.old), "new": .string($0.new)]) }),
        "moved": .array(
          kind.moved.map {
            .object([
              "id": .string($0.id.string), "name": .string($0.name), "placement": .string($0.placement.rawValue),
              "old": id($0.old), "new": id($0.new),
            ])
          }),
        "summaryChanged": .array(
          kind.summaries.map { change in
            .object([
              "id": .string(change.id.string), "name": .string(change.name),
              "words": .array(
                change.diff.runs.map { run in
                  switch run {
                  case .same(let text): .object(["same": .string(text)])
                  case .removed(let text): .object(["removed": .string(text)])
                  case .added(let text): .object(["added": .string(text)])
                  }
                }),
            ])
          }),
        "relationsChanged": .array(
          kind.relations.map {
            .object([
              "id": .string($0.id.string), "name": .string($0.name), "group": .string($0.group),
              "key": .string($0.key), "gained": .array($0.gained.map { .string($0.string) }),
              "lost": .array($0.lost.map { .string($0.string) }),
            ])
          }),
        "unchanged": .int(kind.unchanged),
      ])
    }
    return JSONWriter.write(
      .object([
        "$schema": .string(schemaID), "old": side(diff.old), "new": side(diff.new), "kinds": .array(kinds),
      ]))
  }
}
