import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `broken-link`: a relative link that leaves the page folder or does not name an object page.
public struct BrokenLinkRule: Rule {
  public static let description = RuleDescription(
    category: .references,
    id: RuleID("broken-link"), severity: .error,
    summary: "A relative link does not lead to a page of the knowledge base.",
    explanation: """
      DISARM links have the form `../../generated_pages/<kind folder>/<ID>.md`; other relative links must stay \
      inside the page folder and name an object page.
      """)

  public static let examples = pair(
    "The tactic links to its technique through a folder outside the knowledge base.",
    base([
      "tactics/TA01.md": Page.tactic(
        techniques: [Page.row("T0001").replacingOccurrences(of: "(../../generated_pages/", with: "(↓../../pages/")])
    ]),
    "The link has the DISARM form `../../generated_pages/techniques/T0001.md`.",
    base())

  public static func check(_ context: LintContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for link in context.pageLinks {
      let destination = link.link.destination
      if !link.staysInPageFolder {
        diagnostics.append(
          diagnostic(
            file: link.page, range: destination.range,
            "link '\(destination.text)' does not lead to a page of this knowledge base (write "
              + "../../generated_pages/<kind>/<ID>.md)"))
      } else if link.target == nil {
        diagnostics.append(
          diagnostic(
            file: link.page, range: destination.range,
            "link '\(destination.text)' does not name an object page (<kind folder>/<ID>.md)"))
      }
    }
    return diagnostics
  }
}
