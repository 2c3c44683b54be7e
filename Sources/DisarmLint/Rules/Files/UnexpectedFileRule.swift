import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `unexpected-file`: a file in a kind folder that is not a markdown page, ignored by every command.
public struct UnexpectedFileRule: Rule {
  public static let description = RuleDescription(
    category: .files,
    id: RuleID("unexpected-file"), severity: .warning, summary: "A file in a page folder is not a markdown page.",
    explanation: "Kind folders (`techniques/`, `tactics/`, …) hold `.md` pages only. Other files are ignored.")

  public static let examples = pair(
    "A plain-text copy of a page sits in the incidents folder.",
    ["incidents/I00001.md": Page.incident(), "incidents/I00001.txt": "An old copy of the summary.\n"],
    "The stray file is removed.",
    ["incidents/I00001.md": Page.incident()], wholeFile: "incidents/I00001.txt")

  public static func check(_ context: LintContext) -> [Diagnostic] {
    context.kb.skippedFiles.filter { $0.reason == .notMarkdown }.map {
      diagnostic(file: $0.path, "not a markdown page; ignored")
    }
  }
}
