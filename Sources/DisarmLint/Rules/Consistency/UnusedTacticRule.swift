import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `unused-tactic`: a tactic no technique belongs to, usually a dropped tactic whose page was left behind.
public struct UnusedTacticRule: Rule {
  public static let description = RuleDescription(
    category: .consistency,
    id: RuleID("unused-tactic"), severity: .warning, summary: "No technique belongs to this tactic.",
    explanation: "A tactic with no technique is usually a dropped tactic whose page was left behind.")

  public static let examples = pair(
    "No technique belongs to TA02.",
    base(["tactics/TA02.md": "↓" + Page.tactic("TA02", "Plan Objectives", techniques: [])]),
    "Technique T0002 belongs to TA02.",
    base([
      "tactics/TA02.md": Page.tactic("TA02", "Plan Objectives", techniques: [Page.row("T0002")]),
      "techniques/T0002.md": Page.technique("T0002", tactic: "TA02 Plan Objectives"),
    ]))

  public static func check(_ context: LintContext) -> [Diagnostic] {
    let used = Set(
      context.liveObjects.filter { $0.kind == .technique }.compactMap { context.tacticRelation(of: $0.id)?.target })
    return context.liveObjects.compactMap { tactic -> Diagnostic? in
      guard tactic.kind == .tactic, !used.contains(tactic.id), tactic.page != nil else { return nil }
      return diagnostic(file: tactic.file, line: tactic.line, column: 1, "no technique belongs to \(tactic.id)")
    }
  }
}
