import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `missing-heading`: a page without the level-1 heading its object's name comes from.
public struct MissingHeadingRule: PageRule {
  public static let description = RuleDescription(
    category: .structure,
    id: RuleID("missing-heading"), severity: .error, summary: "A page has no `# Kind ID: Name` heading.",
    explanation: """
      Every object page starts with a level-1 heading such as `# Technique T0151.008: Microblogging Platform`; the \
      object's name comes from it.
      """)

  public static let examples = pair(
    "The heading is written at level 2 (`##`), so the page has no level-1 heading.",
    ["incidents/I00001.md": "↓" + Page.incident(headingPrefix: "##")],
    "The heading is at level 1.",
    ["incidents/I00001.md": Page.incident()])

  public static func check(page: ObjectPage, of object: DisarmObject?, in context: LintContext) -> [Diagnostic] {
    guard page.heading == nil else { return [] }
    return [
      diagnostic(
        file: page.path, line: 1, column: 1,
        "page has no '# \(context.kb.words(page.kind).heading ?? "") ID: Name' heading")
    ]
  }
}
