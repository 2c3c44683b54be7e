import DisarmDiagnostics

/// `disarm migrate --report-format json`: the migration as one JSON document, sorted keys, final newline. Its schema
/// is `schema/migrate.schema.json`.
public enum MigrationJSONReport {
  /// The schema's `$id`, also written as the document's `$schema`.
  public static let schemaID = "https://github.com/disarm-tools/disarm/schema/migrate.schema.json"

  public static func render(_ result: MigrationResult) -> [UInt8] {
    let files: [JSONValue] = result.files.map { file in
      .object([
        "path": .string(file.path),
        "format": .string(file.format.rawValue),
        "identifiers": .int(file.identifiers),
        "unchanged": .int(file.unchanged),
        "changed": .bool(file.isChanged),
        "items": .array(
          file.items.map { item in
            .object([
              "place": .string(item.place), "change": .string(item.change.rawValue), "old": .string(item.old),
              "new": .optional(item.new), "detail": .string(item.detail),
            ])
          }),
      ])
    }
    var counts: [String: JSONValue] = [:]
    for change in MigrationItem.Change.allCases { counts[change.rawValue] = .int(result.distinctIdentifiers(change)) }
    let document: JSONValue = .object([
      "$schema": .string(schemaID),
      "from": .string(result.from),
      "to": .string(result.to),
      "needsReview": .bool(result.needsReview),
      "identifiers": .object(counts),
      "files": .array(files),
    ])
    return JSONWriter.write(document)
  }
}
