import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `heading-kind-mismatch`: the heading's kind word is not the word of the page's folder.
public struct HeadingKindMismatchRule: PageRule {
  public static let description = RuleDescription(
    category: .structure,
    id: RuleID("heading-kind-mismatch"), severity: .warning,
    summary: "A page's heading names another kind than its folder.",
    explanation:
      "The heading's first word is the kind (`Technique`, `Tactic`, `Actor`, …) of the folder the page is in.")

  public static let examples = pair(
    "The heading's kind word is 'Campaign', not 'Incident'.",
    ["incidents/I00001.md": Page.incident(kindWord: "↓Campaign")],
    "The heading starts with 'Incident'.",
    ["incidents/I00001.md": Page.incident()])

  public static func check(page: ObjectPage, of object: DisarmObject?, in context: LintContext) -> [Diagnostic] {
    guard let object, let expected = context.kb.words(object.kind).heading, let word = page.heading?.kindWord,
      word.text != expected
    else { return [] }
    return [
      diagnostic(
        file: page.path, range: word.range,
        "heading says '\(word.text)' but the page is in \(context.folder(page.kind))/ (expected '\(expected)')")
    ]
  }
}
