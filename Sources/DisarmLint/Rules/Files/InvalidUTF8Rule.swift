import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `invalid-utf8`: a page that is not valid UTF-8 (usually saved in a legacy encoding); never rewritten.
public struct InvalidUTF8Rule: Rule {
  public static let description = RuleDescription(
    category: .files,
    id: RuleID("invalid-utf8"), severity: .error, summary: "A page is not valid UTF-8.",
    explanation: """
      The message gives the byte offset of the first invalid sequence. Re-save the page as UTF-8; it is never \
      rewritten while invalid.
      """)

  public static let examples = [
    RuleExample(
      triggers: true, note: "The incident page was saved in ISO-8859-1: its 'é' is not valid UTF-8.",
      pages: ["incidents/I00001.md": Page.incident(summary: "Accounts posted from a caf↓é's network.")],
      latin1Pages: ["incidents/I00001.md"]),
    RuleExample(
      triggers: false, note: "The same page saved as UTF-8.",
      pages: ["incidents/I00001.md": Page.incident(summary: "Accounts posted from a café's network.")]),
  ]

  public static func check(_ context: LintContext) -> [Diagnostic] {
    context.encodingDefects.compactMap { file, _, invalid in
      guard let offset = invalid else { return nil }
      return diagnostic(
        file: file.path, range: file.range(offset..<offset + 1), "page is not valid UTF-8 at byte offset \(offset)")
    }
  }
}
