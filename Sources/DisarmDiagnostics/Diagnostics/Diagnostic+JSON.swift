extension Diagnostic {
  /// The diagnostic as JSON, the one shape `disarm.json` and `disarm lint --format json` share
  /// (`schema/lint.schema.json`). End positions, notes and fix-its appear only when the diagnostic has them, so a
  /// finding without extent keeps the shape it always had.
  public var json: JSONValue {
    var members: [String: JSONValue] = [
      "rule": .string(rule.rawValue),
      "severity": .string(severity.rawValue),
      "file": .string(file),
      "line": .int(line),
      "column": .int(column),
      "message": .string(message),
    ]
    if let range {
      members["endLine"] = .int(range.end.line)
      members["endColumn"] = .int(range.end.column)
    }
    if !notes.isEmpty {
      members["notes"] = .array(
        notes.map { note in
          .object([
            "file": .string(note.file), "line": .int(note.line), "column": .int(note.column),
            "message": .string(note.message),
          ])
        })
    }
    if !fixIts.isEmpty {
      members["fixIts"] = .array(
        fixIts.map { fix in
          .object([
            "message": .string(fix.message),
            "line": .int(fix.range.start.line), "column": .int(fix.range.start.column),
            "endLine": .int(fix.range.end.line), "endColumn": .int(fix.range.end.column),
            "replacement": .string(fix.replacement),
          ])
        })
    }
    return .object(members)
  }
}
