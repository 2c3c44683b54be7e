import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `missing-page`: an index row for an object that has no page. The index owns which objects a knowledge base has, so
/// the object is kept, known by its row, and derived pages list it; the finding says its page is not written (yet).
public struct MissingPageRule: Rule {
  public static let description = RuleDescription(
    category: .consistency,
    id: RuleID("missing-page"), severity: .warning, summary: "An index lists an object that has no page.",
    explanation: """
      A kind's index page owns which objects the knowledge base has. An object it lists without a page is still an \
      object, known by its index row (identifier, name, summary, and the tactic or phase its columns give): the \
      regenerated index keeps the row, and tactic pages, matrices and the other derived pages list the object, \
      named as the index names it. DISARM's generator did this for a day in July 2022, listing 160 sub-techniques \
      before it wrote their pages. Write its page where the index links (`techniques/T0102.001.md`), or, to remove \
      the object, remove its index row (and its page): deleting only the page does not remove an object its index \
      still lists.
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
