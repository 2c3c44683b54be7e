import DisarmDiagnostics
import DisarmModel
import DisarmParser
import DisarmRegeneration

/// `layout-not-reproducible`: a page whose own layout has no place for what regeneration derives (a tactic page
/// without a Techniques table while techniques belong to the tactic). Regeneration keeps each page in the layout it
/// was written in and never moves it to a template's; such a page is left as it is, reported once.
public struct LayoutNotReproducibleRule: Rule {
  public static let description = RuleDescription(
    category: .regeneration,
    id: RuleID("layout-not-reproducible"), severity: .warning,
    summary: "A page's own layout has no place for a derived table that now has rows; the page is left as it is.",
    explanation: """
      Regeneration keeps every page in the layout it was written in (its field order, tables, heading form, field \
      syntax and blank lines are read from the page) and replaces only derived content. A page that lacks a derived \
      table which now has rows cannot show them without taking another layout, so `--write` leaves it alone. Add the \
      table where the page should show it (an empty one is enough: its rows are derived), or move the page to a \
      template with `--template`.
      """)

  public static let phase = LintPhase.regeneration

  public static let examples = [
    RuleExample(
      triggers: true, note: "TA01's page has no Techniques table, but T0001 belongs to TA01.",
      pages: [
        "phases/P01.md": Page.phase(),
        "tactics/TA01.md": Page.tactic().replacingOccurrences(
          of: "| Techniques |\n| ---------- |\n\(Page.row("T0001"))\n", with: ""),
        "techniques/T0001.md": Page.technique(),
      ], wholeFile: "tactics/TA01.md"),
    RuleExample(
      triggers: false, note: "The tactic page has the table, so its rows can be derived in place.",
      pages: ["phases/P01.md": Page.phase(), "tactics/TA01.md": Page.tactic(), "techniques/T0001.md": Page.technique()]
    ),
  ]

  public static func check(_ context: LintContext) -> [Diagnostic] {
    (context.regeneration?.unreproducibleLayouts ?? []).map { layout in
      diagnostic(
        file: layout.path,
        "the page has no '\(layout.table)' table for its \(layout.rows) derived row\(layout.rows == 1 ? "" : "s"); "
          + "left in its own layout, as it is")
    }
  }
}
