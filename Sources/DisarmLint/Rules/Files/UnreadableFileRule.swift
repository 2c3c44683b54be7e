import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `unreadable-file`: a page or kind folder that cannot be read. Its content is unknown, so commands exit 2.
public struct UnreadableFileRule: Rule {
  public static let description = RuleDescription(
    category: .files,
    id: RuleID("unreadable-file"), severity: .error, summary: "A file or folder cannot be read.",
    explanation: """
      The page could not be opened or read (permissions, I/O error). Nothing else is checked for it, and `disarm` \
      exits 2.
      """)

  public static let examples = pair(
    "The incident page is a folder, which cannot be read as a page.",
    ["incidents/I00001.md/draft.md": "A draft kept in a folder named like the page.\n"],
    "The incident page is a file.",
    ["incidents/I00001.md": Page.incident()], wholeFile: "incidents/I00001.md")

  public static func check(_ context: LintContext) -> [Diagnostic] {
    context.kb.skippedFiles.compactMap { file in
      switch file.reason {
      case .unreadablePage(let reason): diagnostic(file: file.path, "cannot read page: \(reason)")
      case .unlistableFolder(let reason): diagnostic(file: file.path, "cannot list folder: \(reason)")
      case .notMarkdown, .outsideTree: nil
      }
    }
  }
}
