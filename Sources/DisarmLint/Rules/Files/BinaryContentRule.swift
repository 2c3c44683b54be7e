import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `binary-content`: a page holding a NUL byte, which is never text; it is read as far as possible, never rewritten.
public struct BinaryContentRule: Rule {
  public static let description = RuleDescription(
    category: .files,
    id: RuleID("binary-content"), severity: .error, summary: "A page contains NUL bytes.",
    explanation: """
      Pages are UTF-8 text. A NUL byte means a binary or corrupted file; the page is read as far as possible but \
      never rewritten.
      """)

  public static let examples = pair(
    "The incident's summary holds a NUL byte.",
    ["incidents/I00001.md": Page.incident(summary: "Accounts pushed one hashtag↓\u{0} for a week.")],
    "The NUL byte is removed.",
    ["incidents/I00001.md": Page.incident(summary: "Accounts pushed one hashtag for a week.")])

  public static func check(_ context: LintContext) -> [Diagnostic] {
    context.encodingDefects.compactMap { file, nul, _ in
      guard let offset = nul else { return nil }
      return diagnostic(
        file: file.path, range: file.range(offset..<offset + 1),
        "page contains a NUL byte at byte offset \(offset); it is not a text file")
    }
  }
}
