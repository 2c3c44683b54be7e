import DisarmDiagnostics
import DisarmModel
import DisarmParser
import DisarmRegeneration

/// `derived-out-of-date`: a page whose derived content (a technique's incidents, a tactic's techniques, an index)
/// differs from what the owning pages say. Reported at the first differing line; `--fix` regenerates the page.
public struct DerivedOutOfDateRule: Rule {
  public static let description = RuleDescription(
    category: .consistency,
    id: RuleID("derived-out-of-date"), severity: .warning,
    summary: "A page's derived content differs from what its owners say.",
    explanation: """
      Tables such as a technique's incidents or a tactic's techniques are derived from the pages that own those \
      facts. Run `disarm lint --fix` (or `disarm build --write`) to regenerate them.
      """,
    isFixable: true, fixedByRegenerating: true)

  public static let phase = LintPhase.drift

  public static let examples = [
    RuleExample(
      triggers: true, note: "The tactic's Techniques table does not list T0001, whose page names TA01.",
      pages: base([
        "tactics/TA01.md": Page.tactic(techniques: [])
          .replacingOccurrences(of: "| ---------- |\n", with: "| ---------- |\n↓")
      ])),
    RuleExample(
      triggers: false, note: "The Techniques table lists T0001, as regeneration writes it.", pages: base()),
  ]

  public static func check(_ context: LintContext) -> [Diagnostic] {
    (context.changes ?? []).map { change in
      guard let current = change.current else {
        return diagnostic(file: change.page.path, "derived page is missing; --fix creates it")
      }
      let old = current.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      let new = change.page.bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      var line = 0
      while line < old.count, line < new.count, old[line] == new[line] { line += 1 }
      let expected = line < new.count ? String(decoding: new[line], as: UTF8.self) : "(end of page)"
      let shown = expected.count > 80 ? String(expected.prefix(77)) + "…" : expected
      return diagnostic(
        file: change.page.path, line: min(line + 1, max(old.count, 1)), column: 1,
        "derived content is out of date; this line should read '\(shown)' (--fix regenerates it)")
    }
  }
}
