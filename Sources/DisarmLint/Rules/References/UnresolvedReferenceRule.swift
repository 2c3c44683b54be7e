import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `unresolved-reference`: an identifier mentioned in prose (`T00145.006`) that names no object: a typo or a
/// retired code.
public struct UnresolvedReferenceRule: Rule {
  public static let description = RuleDescription(
    category: .references,
    id: RuleID("unresolved-reference"), severity: .warning,
    summary: "An identifier mentioned in prose names no object.",
    explanation: """
      Codes in descriptions (`T0151.004: Chat Platform`) should name existing objects; typos such as `T00145.006` or \
      retired codes are found here.
      """)

  public static let examples = pair(
    "The technique's summary mentions TA10, a typo for TA01.",
    base(["techniques/T0001.md": Page.technique(summary: "Settle whom to reach, as part of ↓TA10: Plan Strategy.")]),
    "The summary mentions TA01.",
    base(["techniques/T0001.md": Page.technique(summary: "Settle whom to reach, as part of TA01: Plan Strategy.")]))

  public static func check(_ context: LintContext) -> [Diagnostic] {
    context.proseReferences.compactMap { file, reference in
      guard !reference.isResolved || reference.id.flatMap({ context.kb[$0] }) == nil else { return nil }
      let code = reference.reference.code
      return diagnostic(file: file, range: code.range, "\(code.text) is mentioned but no such object exists")
    }
  }
}
