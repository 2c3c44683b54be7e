import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `wrong-folder`: a page named by an identifier of another kind than its folder's.
public struct WrongFolderRule: Rule {
  public static let description = RuleDescription(
    category: .structure,
    id: RuleID("wrong-folder"), severity: .error, summary: "A page is in the folder of another kind.",
    explanation:
      "The file name is an identifier of another kind (`techniques/TA01.md`); move the page to that kind's folder.")

  public static let examples = pair(
    "An incident page was saved in the counters folder.",
    ["counters/I00001.md": Page.incident()],
    "The page is in the incidents folder.",
    ["incidents/I00001.md": Page.incident()], wholeFile: "counters/I00001.md")

  public static func check(_ context: LintContext) -> [Diagnostic] {
    context.kb.unassigned.compactMap { unassigned in
      guard case .wrongFolder(let id) = unassigned.reason else { return nil }
      let page = unassigned.page
      return diagnostic(
        file: page.path,
        "\(id) is \(context.kb.words(id.kind).withArticle) identifier but the page is in \(context.folder(page.kind))/; move it to \(context.folder(id.kind))/"
      )
    }
  }
}
