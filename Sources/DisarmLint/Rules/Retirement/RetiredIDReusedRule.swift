import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `retired-id-reused`: an identifier the register (`retired.yml`) records as retired has a live page again.
public struct RetiredIDReusedRule: Rule {
  public static let description = RuleDescription(
    category: .retirement,
    id: RuleID("retired-id-reused"), severity: .error,
    summary: "A retired identifier has a live page again.",
    explanation: """
      An identifier, once issued, always means the object it was issued for: consumers (STIX bundles, MISP \
      galaxies, incident reports) keep using it after it is retired. Give the new object an identifier of its own \
      (`disarm new` picks the next one never used), or, if the object really came back, remove its entry from \
      retired.yml.
      """, editorTags: [.deprecated])

  public static let examples = pair(
    "T0001 is recorded as retired, yet techniques/T0001.md is a live page.",
    base([
      "techniques/T0001.md": "↓" + Page.technique(),
      "retired.yml": "- id: T0001\n  name: Choose an Audience\n  retired: v1.0\n  reason: Split in two.\n",
    ]),
    "The register records only identifiers no page uses.",
    base(["retired.yml": "- id: T0002\n  name: Pick a Goal\n  retired: v1.0\n  reason: Merged into T0001.\n"]))

  public static func check(_ context: LintContext) -> [Diagnostic] {
    let register = context.kb.register
    return register.entries.compactMap { entry -> Diagnostic? in
      guard let object = context.kb[entry.id], !object.isStale, object.page != nil else { return nil }
      guard !entry.isUpstream else {
        // An extension's page under an identifier its upstream retired.
        return diagnostic(
          file: object.file, line: 1, column: 1,
          "\(entry.id) is retired upstream (\(context.kb.upstream?.label ?? "upstream")'s register) but has a live "
            + "page here; a retired identifier is never reused: give this object a new identifier")
      }
      guard let file = register.file else { return nil }
      return diagnostic(
        file: object.file, line: 1, column: 1,
        "\(entry.id) is retired (\(file.path) line \(entry.line)) but has a live page again; a retired identifier "
          + "is never reused: give this object a new identifier, or remove the register entry if it came back",
        notes: [
          DiagnosticNote(file: file.path, range: file.range(file.lineContentRange(entry.line)), message: "retired here")
        ])
    }
  }
}
