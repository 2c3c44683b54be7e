import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `file-name-not-id`: a page whose file name is not an identifier of its folder's kind; it cannot be linked to and
/// is not loaded.
public struct FileNameNotIDRule: Rule {
  public static let description = RuleDescription(
    category: .structure,
    id: RuleID("file-name-not-id"), severity: .error,
    summary: "A page's file name is not a DISARM identifier of its folder's kind.",
    explanation: """
      A page is named by its identifier: `techniques/T0151.008.md`. Names such as `incidents/.md` or \
      `techniques/T0039 .md` (with a space) cannot be linked to; the page is not loaded.
      """)

  public static let examples = pair(
    "The file name has four digits; incident identifiers have five.",
    ["incidents/I0001.md": Page.incident()],
    "The page is named by its identifier.",
    ["incidents/I00001.md": Page.incident()], wholeFile: "incidents/I0001.md")

  public static func check(_ context: LintContext) -> [Diagnostic] {
    context.kb.unassigned.compactMap { unassigned in
      guard unassigned.reason == .notAnIdentifier else { return nil }
      let page = unassigned.page
      let words = context.kb.words(page.kind)
      return diagnostic(
        file: page.path,
        "file name '\(page.fileStem).md' is not \(words.withArticle) identifier (like \(words.id.example).md); "
          + "page skipped")
    }
  }

}
