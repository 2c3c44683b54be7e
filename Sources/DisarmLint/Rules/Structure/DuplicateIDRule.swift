import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `duplicate-id`: two pages define one identifier, also when the names differ only by case or spaces. The second
/// page is skipped; the note points at the page that defines the identifier.
public struct DuplicateIDRule: Rule {
  public static let description = RuleDescription(
    category: .structure,
    id: RuleID("duplicate-id"), severity: .error,
    summary: "Two pages define the same identifier (also when they differ only by case or spaces).",
    explanation: """
      Each identifier has exactly one page. `T0039.md` and `T0039 .md` or `t0039.md` name the same object; keep one \
      page and merge the other's notes into it.
      """)

  public static let examples = pair(
    "A copy saved as 'I00001 .md' (with a space) defines I00001 a second time.",
    ["incidents/I00001.md": Page.incident(), "incidents/I00001 .md": Page.incident()],
    "The copy is removed.",
    ["incidents/I00001.md": Page.incident()], wholeFile: "incidents/I00001 .md")

  public static func check(_ context: LintContext) -> [Diagnostic] {
    context.kb.unassigned.compactMap { unassigned in
      let page = unassigned.page
      switch unassigned.reason {
      case .variantSpelling(let id, let owner):
        return diagnostic(
          file: page.path,
          "file name '\(page.fileStem).md' is \(id) written with other case or spaces, which \(owner) defines; "
            + "page skipped",
          notes: definedHere(id, owner, in: context))
      case .duplicate(let id, let owner):
        return diagnostic(
          file: page.path, line: 1, column: 1, "\(id) is already defined by \(owner); this page is skipped",
          notes: definedHere(id, owner, in: context))
      case .notAnIdentifier, .wrongFolder: return nil
      }
    }
  }

  /// A note at the heading of the page that defines `id`.
  static func definedHere(_ id: DisarmID, _ owner: String, in context: LintContext) -> [DiagnosticNote] {
    let range = context.kb[id]?.page?.heading?.line.range
    return [DiagnosticNote(file: owner, range: range, message: "\(id) is defined here")]
  }
}
