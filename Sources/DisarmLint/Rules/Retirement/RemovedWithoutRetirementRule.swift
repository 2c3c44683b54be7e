import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `removed-without-retirement`: compared with a base version (`disarm lint --since REV` or `--against DIR`), an
/// object is gone and the register does not record its identifier as retired.
public struct RemovedWithoutRetirementRule: Rule {
  public static let description = RuleDescription(
    category: .retirement,
    id: RuleID("removed-without-retirement"), severity: .error,
    summary: "An object of the base version is gone and retired.yml does not record it.",
    explanation: """
      Checked only against a base version (`disarm lint --since v1.5`, `--against ../old`). Between DISARM 1.5 and \
      1.6, 32 techniques disappeared with no record of what replaced them. Add an entry to retired.yml (id, name, \
      retired, reason, and replaced-by when something replaces it), so that the identifier is never issued again \
      and consumers learn where the object went.
      """, editorTags: [.deprecated])

  public static let examples = [
    RuleExample(
      triggers: true, note: "T0002 was in the base version; it is gone and retired.yml does not mention it.",
      pages: base(), wholeFile: "techniques/T0002.md",
      base: base([
        "techniques/T0002.md": Page.technique("T0002"),
        "tactics/TA01.md": Page.tactic(techniques: [Page.row("T0001"), Page.row("T0002")]),
      ])),
    RuleExample(
      triggers: false, note: "The register records T0002 as retired.",
      pages: base(["retired.yml": "- id: T0002\n  name: Pick a Goal\n  retired: v1.1\n  replaced-by: T0001\n"]),
      base: base([
        "techniques/T0002.md": Page.technique("T0002"),
        "tactics/TA01.md": Page.tactic(techniques: [Page.row("T0001"), Page.row("T0002")]),
      ])),
  ]

  public static func check(_ context: LintContext) -> [Diagnostic] {
    guard let base = context.base else { return [] }
    let kb = context.kb
    return base.orderedObjects.compactMap { old -> Diagnostic? in
      guard !old.isStale, old.page != nil, !kb.register.contains(old.id) else { return nil }
      if let now = kb[old.id], !now.isStale { return nil }
      return diagnostic(
        file: old.file,
        "\(old.id) '\(old.name)' was in the base version and is gone, but \(RetiredRegister.fileName) does not "
          + "record it: add an entry (id, name, retired, reason, replaced-by) so that the identifier is never reused")
    }
  }
}
