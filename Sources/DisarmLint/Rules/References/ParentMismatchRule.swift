import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `parent-mismatch`: a `Parent Technique` field that names another technique than the sub-technique's identifier
/// implies (`T0151.008`'s parent is `T0151`).
public struct ParentMismatchRule: Rule {
  public static let description = RuleDescription(
    category: .references,
    id: RuleID("parent-mismatch"), severity: .warning,
    summary: "A Parent Technique field disagrees with the sub-technique's ID.",
    explanation: "`T0151.008`'s parent is `T0151`; the 2025 `**Parent Technique:**` field must say so.")

  public static let examples = pair(
    "T0001.001's Parent Technique field names T0010.",
    base([
      "tactics/TA01.md": Page.tactic(techniques: [Page.row("T0001"), Page.row("T0001.001")]),
      "techniques/T0001.001.md": Page.technique("T0001.001", parent: "↓T0010 Choose an Audience"),
    ]),
    "The field names T0001, the parent the identifier gives.",
    base([
      "tactics/TA01.md": Page.tactic(techniques: [Page.row("T0001"), Page.row("T0001.001")]),
      "techniques/T0001.001.md": Page.technique("T0001.001", parent: "T0001 Choose an Audience"),
    ]))

  public static func check(_ context: LintContext) -> [Diagnostic] {
    context.kb.readingProblems.compactMap { problem in
      guard case .parentMismatch(let written, let id) = problem.kind, let range = problem.range else { return nil }
      let expected = id.parentTechnique.map { "\($0)" } ?? "none (\(id) is not a sub-technique)"
      return diagnostic(
        file: problem.file, range: range, "'Parent Technique' is \(written), but the parent of \(id) is \(expected)")
    }
  }
}
