import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `stale-page`: a page whose object its kind's index does not list: DISARM's generator never deleted the pages of
/// objects dropped from the framework. Regeneration leaves such pages alone.
public struct StalePageRule: Rule {
  public static let description = RuleDescription(
    category: .consistency,
    id: RuleID("stale-page"), severity: .warning, summary: "A page's object is not listed in its kind's index page.",
    explanation: """
      DISARM's old generator never deleted pages of objects dropped from the framework. Such pages are left alone by \
      regeneration; delete them or add the object back.
      """, editorTags: [.unnecessary])

  public static let examples = [
    RuleExample(
      triggers: true, note: "P02 has a page but the phases index does not list it.",
      pages: [
        "phases/P01.md": Page.phase(), "phases/P02.md": "↓" + Page.phase("P02", "Prepare"),
        "phases_index.md": Page.phasesIndex([("P01", "Plan")]),
      ]),
    RuleExample(
      triggers: false, note: "The index lists P02.",
      pages: [
        "phases/P01.md": Page.phase(), "phases/P02.md": Page.phase("P02", "Prepare"),
        "phases_index.md": Page.phasesIndex([("P01", "Plan"), ("P02", "Prepare")]),
      ]),
  ]

  public static func check(_ context: LintContext) -> [Diagnostic] {
    context.kb.orderedObjects.compactMap { object -> Diagnostic? in
      guard object.isStale, let index = context.kb.indexes[object.kind] else { return nil }
      return diagnostic(
        file: object.file, line: 1, column: 1,
        "\(object.id) is not listed in \(index.path): a stale page of an object dropped from the framework")
    }
  }
}
