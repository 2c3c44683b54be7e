import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `upstream-collision`: a knowledge base that extends an upstream one (`extends:` in `.disarm.yml`) has a page of
/// its own for an identifier upstream also has. An extension's objects need identifiers upstream does not use (a range
/// of their own, such as T9001 onwards): otherwise the union has two objects under one code, and the next upstream
/// release's object is hidden by the local one.
public struct UpstreamCollisionRule: Rule {
  public static let description = RuleDescription(
    category: .structure,
    id: RuleID("upstream-collision"), severity: .error,
    summary: "A local page of an extension uses an identifier its upstream knowledge base also has.",
    explanation: """
      A knowledge base that extends an upstream one holds only its own objects, under identifiers upstream does not \
      use. Give the local object a code of its own (`disarm new` picks the next free one across both trees) and \
      refer to upstream's object by its code instead of copying its page.
      """)

  public static let examples = [
    RuleExample(
      triggers: true, note: "The extension has its own page for T0001, which upstream already has.",
      pages: [
        ".disarm.yml": "extends: upstream\n",
        "upstream/tactics/TA01.md": Page.tactic(techniques: [Page.row("T0001")]),
        "upstream/techniques/T0001.md": Page.technique("T0001"),
        "techniques/T0001.md": "↓" + Page.technique("T0001"),
      ]),
    RuleExample(
      triggers: false, note: "The extension's technique has a code of its own and names upstream's tactic.",
      pages: [
        ".disarm.yml": "extends: upstream\n",
        "upstream/tactics/TA01.md": Page.tactic(techniques: [Page.row("T0001")]),
        "upstream/techniques/T0001.md": Page.technique("T0001"),
        "techniques/T0002.md": Page.technique("T0002"),
      ]),
  ]

  public static func check(_ context: LintContext) -> [Diagnostic] {
    (context.kb.upstream?.collisions ?? []).map { collision in
      diagnostic(
        file: collision.localPath, line: 1, column: 1,
        "\(collision.id) is also upstream's (\(collision.upstreamPath)): a local object needs an identifier upstream "
          + "does not use",
        notes: [DiagnosticNote(file: collision.upstreamPath, range: nil, message: "upstream's \(collision.id)")])
    }
  }
}
