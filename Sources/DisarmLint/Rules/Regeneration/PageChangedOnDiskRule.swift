import DisarmDiagnostics
import DisarmModel
import DisarmParser
import DisarmRegeneration

/// `page-changed-on-disk`: a page `disarm` was about to rewrite changed after it was read (an editor saved it, a
/// note was appended, it was deleted or replaced). The page is left exactly as it is now: the regenerated form
/// was computed from the old content and would overwrite the edit. Running the command again uses the new content.
public struct PageChangedOnDiskRule: Rule {
  public static let description = RuleDescription(
    category: .regeneration,
    id: RuleID("page-changed-on-disk"), severity: .error,
    summary: "A page changed on disk while disarm was running; it was not rewritten.",
    explanation: """
      Commands that rewrite pages (`build --write`, `lint --fix`) replace a page only while it still holds exactly \
      the bytes they read. A page edited, truncated, replaced, deleted or turned into a symbolic link in the \
      meantime is left alone, so that no edit and no note is ever lost. Run the command again.
      """)

  public static let phase = LintPhase.writing

  public static let examples = [
    RuleExample(
      triggers: true, note: "A note is appended to the tactic page after it was read and before it is rewritten.",
      pages: base(["tactics/TA01.md": Page.tactic(techniques: [])]),
      editedWhileRunning: ["tactics/TA01.md": Page.tactic(techniques: []) + "\nA note added meanwhile.\n"],
      wholeFile: "tactics/TA01.md"),
    RuleExample(
      triggers: false, note: "The note is appended to the technique page, which needs no rewrite.",
      pages: base(),
      editedWhileRunning: ["techniques/T0001.md": Page.technique() + "\nA note added meanwhile.\n"]),
  ]

  public static func check(_ context: LintContext) -> [Diagnostic] {
    context.conflicts.map { conflict in
      diagnostic(
        file: conflict.path, "page changed on disk while disarm was running; not rewritten; run again")
    }
  }
}
