import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `unresolved-link`: a link, field or index column that names an object without a page. Objects that only an
/// optional index page defines (response types, detections) are warnings: that index may be absent.
public struct UnresolvedLinkRule: Rule {
  public static let description = RuleDescription(
    category: .references,
    id: RuleID("unresolved-link"), severity: .error, summary: "A field or link names an object that has no page.",
    explanation: """
      The target of every link and every object-valued field must exist. Response types and detections are \
      warnings: they exist only where their index page does.
      """,
    otherSeverities: [.warning])

  public static let examples = pair(
    "The technique's Tactic field names TA02, which has no page.",
    base(["techniques/T0001.md": Page.technique(tactic: "↓TA02 Plan Strategy")]),
    "The field names TA01.",
    base())

  public static func check(_ context: LintContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // Table rows are checked link by link below, which covers derived tables too.
    for relation in context.kb.relations where !relation.isResolved && relation.origin != .tableRow {
      // Objects only an optional index defines (response types, detections) may be absent with their index.
      diagnostics.append(
        diagnostic(
          file: relation.file, at: relation.position,
          "\(relation.source) names \(context.kb.words(relation.target.kind).singular) \(relation.target), which does "
            + "not exist",
          severity: relation.target.kind.hasPages ? nil : .warning))
    }
    for link in context.pageLinks {
      guard let target = link.target, !link.targetExists else { continue }
      diagnostics.append(diagnostic(file: link.page, range: link.link.range, "link to \(target), which has no page"))
    }
    return diagnostics
  }
}
