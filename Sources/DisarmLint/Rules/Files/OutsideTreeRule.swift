import DisarmDiagnostics
import DisarmModel

/// `outside-tree`: a page, kind folder or register that is a symbolic link leading outside the knowledge base. A
/// knowledge base comes from anyone's pull request; following such a link would put another file's content (a
/// secret, `/etc/shadow`, the job's environment) into findings, outputs and the site. It is reported and never read.
public struct OutsideTreeRule: Rule {
  public static let description = RuleDescription(
    category: .files,
    id: RuleID("outside-tree"), severity: .error, summary: "A page or folder is a link leading outside the tree.",
    explanation: """
      A page, a kind folder or `retired.yml` is a symbolic link whose destination is outside the knowledge base. \
      `disarm` does not read it (its content is never quoted, exported or published) and writes nothing through \
      it. Replace the link with the file itself, or with a link that stays inside the knowledge base.
      """)

  public static let examples = [
    RuleExample(
      triggers: true, note: "An incident page is a link to a system file.",
      pages: ["incidents/I00001.md": Page.incident()], wholeFile: "incidents/I00002.md",
      links: ["incidents/I00002.md": "/etc/passwd"]),
    RuleExample(
      triggers: false, note: "An incident page is a link to another page of the same knowledge base.",
      pages: [
        "incidents/I00001.md": Page.incident(),
        "drafts/I00002.md": Page.incident(headingID: "I00002", name: "A second campaign"),
      ],
      links: ["incidents/I00002.md": "../drafts/I00002.md"]),
  ]

  public static func check(_ context: LintContext) -> [Diagnostic] {
    context.kb.skippedFiles.filter { $0.reason == .outsideTree }.map {
      diagnostic(file: $0.path, "a link leading outside the knowledge base; not read")
    }
  }
}
