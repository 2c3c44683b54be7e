import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `empty-summary`: an object page without a summary, which indexes, exports and `disarm show` need.
public struct EmptySummaryRule: PageRule {
  public static let description = RuleDescription(
    category: .structure,
    id: RuleID("empty-summary"), severity: .warning, summary: "An object's summary is missing or empty.",
    explanation: "Every object needs a summary: it is shown in indexes, exports and `disarm show`.")

  public static let examples = pair(
    "The incident's summary is empty.",
    ["incidents/I00001.md": Page.incident(summary: "↓")],
    "The summary says what happened.",
    ["incidents/I00001.md": Page.incident()])

  public static func check(page: ObjectPage, of object: DisarmObject?, in context: LintContext) -> [Diagnostic] {
    guard let object else { return [] }
    let summary = page.field("summary")
    guard summary == nil || summary!.value.trimmed.isEmpty else { return [] }
    let position =
      summary?.value.range.start ?? page.heading?.line.range.start ?? SourcePosition(line: 1, column: 1, offset: 0)
    return [diagnostic(file: page.path, at: position, "\(object.id) has no summary")]
  }
}
