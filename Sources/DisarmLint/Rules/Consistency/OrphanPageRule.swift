import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `orphan-page`: in a knowledge base without index pages, an object no other page leads to.
public struct OrphanPageRule: Rule {
  public static let description = RuleDescription(
    category: .consistency,
    id: RuleID("orphan-page"), severity: .warning, summary: "No other page links to this object.",
    explanation: """
      In a knowledge base without index pages, every object should be reachable from another page (a tactic's \
      table, an incident, …).
      """, editorTags: [.unnecessary])

  public static let examples = pair(
    "No tactic belongs to phase P02 and no index lists it, so nothing leads to it.",
    base(["phases/P02.md": "↓" + Page.phase("P02", "Prepare")]),
    "Tactic TA02 belongs to P02.",
    base([
      "phases/P02.md": Page.phase("P02", "Prepare"),
      "tactics/TA02.md": Page.tactic("TA02", "Plan Objectives", phase: "P02", techniques: [Page.row("T0002")]),
      "techniques/T0002.md": Page.technique("T0002", tactic: "TA02 Plan Objectives"),
    ]))

  public static func check(_ context: LintContext) -> [Diagnostic] {
    context.liveObjects.compactMap { object -> Diagnostic? in
      guard object.page != nil, !context.kindsWithIndex.contains(object.kind),
        !context.linkedObjects.contains(object.id), !context.relationTargets.contains(object.id)
      else { return nil }
      // Techniques, tasks and counters are reached through their own tactic field.
      if [.technique, .task, .counter].contains(object.kind), context.tacticRelation(of: object.id) != nil {
        return nil
      }
      if object.kind == .incident { return nil }  // incidents are the roots of the graph
      return diagnostic(file: object.file, line: object.line, column: 1, "no page links to \(object.id)")
    }
  }
}
