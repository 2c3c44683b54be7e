import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `retired-replacement-missing`: a register entry's `replaced-by` names no live object.
public struct RetiredReplacementMissingRule: Rule {
  public static let description = RuleDescription(
    category: .retirement,
    id: RuleID("retired-replacement-missing"), severity: .error,
    summary: "A retired identifier is replaced by an object the knowledge base does not have.",
    explanation: """
      `replaced-by` tells consumers where a retired object went (the STIX export writes it as a `revoked-by` \
      relationship, `disarm show` points to it). It must name a live object of the knowledge base: correct the \
      identifier, or leave `replaced-by` out when nothing replaces the object.
      """)

  public static let examples = pair(
    "T0002 is replaced by T0009, which does not exist.",
    base(["retired.yml": "- id: T0002\n  name: Pick a Goal\n  retired: v1.0\n  replaced-by: ↓T0009\n"]),
    "T0002 is replaced by T0001, a live technique.",
    base(["retired.yml": "- id: T0002\n  name: Pick a Goal\n  retired: v1.0\n  replaced-by: T0001\n"]))

  public static func check(_ context: LintContext) -> [Diagnostic] {
    let register = context.kb.register
    guard let file = register.file else { return [] }
    return register.entries.compactMap { entry -> Diagnostic? in
      // Upstream's entries are upstream's to keep right.
      guard !entry.isUpstream, let replacement = entry.replacedBy, let position = entry.replacedByPosition else {
        return nil
      }
      if let object = context.kb[replacement], !object.isStale { return nil }
      let why = context.kb[replacement] == nil ? "which does not exist" : "whose page is stale"
      return diagnostic(
        file: file.path, line: position.line, column: position.column,
        "\(entry.id) is replaced by \(replacement), \(why): name a live \(context.kb.words(replacement.kind).singular) "
          + "or leave 'replaced-by' out")
    }
  }
}
