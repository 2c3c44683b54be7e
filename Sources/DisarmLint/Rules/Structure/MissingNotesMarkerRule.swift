import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `missing-notes-marker`: a page without the line that separates generated content from free notes.
public struct MissingNotesMarkerRule: Rule {
  public static let description = RuleDescription(
    category: .structure,
    id: RuleID("missing-notes-marker"), severity: .warning,
    summary: "A page has no `DO NOT EDIT ABOVE THIS LINE` marker.",
    explanation: """
      The marker line separates generated content from free notes. Without it the whole page is generated content, \
      and regeneration appends the marker.
      """)

  public static let examples = pair(
    "The page has no notes marker line.",
    ["incidents/I00001.md": Page.incident(marker: false) + "↓"],
    "The page ends with the marker line.",
    ["incidents/I00001.md": Page.incident()])

  public static func check(_ context: LintContext) -> [Diagnostic] {
    context.allObjectPages.filter { $0.notes == nil }.map { page in
      diagnostic(
        file: page.path, line: page.file.lineCount, column: 1,
        "page has no '\(Notes.marker)' line; the whole page is read as generated content")
    }
  }
}
