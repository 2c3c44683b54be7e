import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `name-whitespace`: a heading name with stray spaces, which makes exact comparisons and exports differ. Fixable:
/// the fix-it trims the name in the heading.
public struct NameWhitespaceRule: PageRule {
  public static let description = RuleDescription(
    category: .structure,
    id: RuleID("name-whitespace"), severity: .warning, summary: "A name has leading or trailing spaces.",
    explanation: """
      Names are compared and exported exactly; stray spaces make `A001 data scientist ` differ from \
      `data scientist`. `--fix` trims the heading.
      """,
    isFixable: true)

  public static let examples = pair(
    "The incident's name in its heading ends with a space.",
    ["incidents/I00001.md": Page.incident(name: "↓Hashtag campaign against a city council ")],
    "The name is trimmed.",
    ["incidents/I00001.md": Page.incident(name: "Hashtag campaign against a city council")])

  public static func check(page: ObjectPage, of object: DisarmObject?, in context: LintContext) -> [Diagnostic] {
    guard object != nil, let name = page.heading?.name, name.text != name.trimmed, !name.trimmed.isEmpty else {
      return []
    }
    let fix = FixIt(message: "trim the name", range: name.range, replacement: name.trimmed)
    return [
      diagnostic(
        file: page.path, range: name.range, "name '\(name.text)' has leading or trailing spaces", fixIts: [fix])
    ]
  }
}
