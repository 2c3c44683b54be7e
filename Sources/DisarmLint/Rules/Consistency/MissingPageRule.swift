import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `missing-page`: an index row for an object that has no page (a deleted or renamed object).
public struct MissingPageRule: Rule {
  public static let description = RuleDescription(
    category: .consistency,
    id: RuleID("missing-page"), severity: .warning, summary: "An index lists an object that has no page.",
    explanation: """
      Index pages are derived from object pages; an index row without a page points at a deleted or renamed object.
      """)

  public static let examples = pair(
    "The phases index lists P02, which has no page.",
    [
      "phases/P01.md": Page.phase(),
      "phases_index.md": Page.phasesIndex([("P01", "Plan"), ("P02", "Prepare")])
        .replacingOccurrences(of: "<td><a href=\"phases/P02", with: "<td>↓<a href=\"phases/P02"),
    ],
    "The index lists only the phases that have pages.",
    ["phases/P01.md": Page.phase(), "phases_index.md": Page.phasesIndex([("P01", "Plan")])])

  public static func check(_ context: LintContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for index in context.kb.indexes.values {
      for (id, position) in index.listed where context.kb[id]?.page == nil {
        diagnostics.append(diagnostic(file: index.path, at: position, "\(index.path) lists \(id), which has no page"))
      }
    }
    return diagnostics
  }
}
