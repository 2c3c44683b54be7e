import DisarmDiagnostics
import DisarmModel
import DisarmParser
import DisarmRegeneration

/// `page-not-regenerated`: a page regeneration leaves as it is because it holds text outside fields and tables
/// that could not be placed. Regeneration never drops text.
public struct PageNotRegeneratedRule: Rule {
  public static let description = RuleDescription(
    category: .regeneration,
    id: RuleID("page-not-regenerated"), severity: .note,
    summary: "A page is left as it is: it is stale, has errors, or holds text outside fields and tables.",
    explanation: "Regeneration never drops text: a page it cannot rebuild completely is not written.")

  public static let phase = LintPhase.regeneration

  public static let examples = [
    RuleExample(
      triggers: true, note: "A free paragraph above the notes marker cannot be placed by regeneration.",
      pages: ["incidents/I00001.md": Page.incident(extraText: "↓Analysts still disagree about who ran it.")]),
    RuleExample(
      triggers: false, note: "The paragraph is moved below the marker, among the notes.",
      pages: ["incidents/I00001.md": Page.incident(notes: "Analysts still disagree about who ran it.")]),
  ]

  public static func check(_ context: LintContext) -> [Diagnostic] {
    (context.regeneration?.unplaceableText ?? []).map { path, text in
      diagnostic(
        file: path, range: text.range, "text outside fields and tables cannot be placed; page left as it is")
    }
  }
}
