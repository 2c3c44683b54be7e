import DisarmDiagnostics
import DisarmModel
import DisarmParser
import DisarmRegeneration

/// `mixed-templates`: technique pages written in two template generations; the minority is named, to migrate.
public struct MixedTemplatesRule: Rule {
  public static let description = RuleDescription(
    category: .structure,
    id: RuleID("mixed-templates"), severity: .warning,
    summary: "Technique pages use both the 2022 and the 2025 template.",
    explanation: "A knowledge base uses one template generation. Migrate with `disarm build --write --template 2025`.")

  public static let examples = pair(
    "T0002 uses the 2022 template (bulleted fields, `Belongs to tactic stage`) while T0001 uses the 2025 one.",
    base([
      "tactics/TA01.md": Page.tactic(techniques: [Page.row("T0001"), Page.row("T0002")]),
      "techniques/T0002.md": "↓" + Page.technique2022("T0002"),
    ]),
    "T0002 is migrated to the 2025 template.",
    base([
      "tactics/TA01.md": Page.tactic(techniques: [Page.row("T0001"), Page.row("T0002")]),
      "techniques/T0002.md": Page.technique("T0002"),
    ]))

  public static func check(_ context: LintContext) -> [Diagnostic] {
    guard context.kb.template == .mixed else { return [] }
    let techniques = context.kb.orderedObjects.compactMap(\.page).filter { $0.kind == .technique }
    let old = techniques.filter { $0.template == .bulleted2022 }.sorted { $0.path < $1.path }
    let new = techniques.filter { $0.template == .plain2025 }.sorted { $0.path < $1.path }
    // The minority is what regeneration would migrate: the pages not in the template it writes.
    let majority = PageRenderer.effectiveTemplate(of: context.kb)
    let others = new.count == old.count ? "as many technique pages use" : "most technique pages use"
    return (majority == .generation2022 ? new : old).map { page in
      diagnostic(
        file: page.path, line: 1, column: 1,
        "technique page uses the \(page.template.rawValue) template; \(others) the \(majority.rawValue) template")
    }
  }
}
