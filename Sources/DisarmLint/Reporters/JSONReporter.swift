import DisarmDiagnostics
import DisarmParser

/// Reports diagnostics as one JSON object: `{"diagnostics": [...], "summary": {...}}`, sorted and stable.
public enum JSONReporter {
  /// The report's bytes (`schema/lint.schema.json`); `tool` names the version that produced it.
  public static func report(_ diagnostics: [Diagnostic], tool: String) -> [UInt8] {
    JSONWriter.write(
      .object([
        "tool": .string(tool),
        "diagnostics": .array(diagnostics.sorted().map(\.json)),
        "summary": .object([
          "errors": .int(diagnostics.filter { $0.severity == .error }.count),
          "warnings": .int(diagnostics.filter { $0.severity == .warning }.count),
          "notes": .int(diagnostics.filter { $0.severity == .note }.count),
        ]),
      ]))
  }
}
