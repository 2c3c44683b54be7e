import DisarmDiagnostics

/// `disarm lint --list-rules`: one line per rule (id, severity, fixability, summary).
public enum RuleListing {
  /// The listing, ids aligned, coloured with `style`.
  public static func text(style: ANSIStyle) -> String {
    let rules = RuleRegistry.descriptions
    let width = rules.map(\.id.rawValue.count).max() ?? 0
    return rules.map { rule in
      let id = rule.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
      let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
      return "\(style.bold(id))  \(severity)  \(rule.isFixable ? "fix" : "   ")  \(rule.summary)\n"
    }.joined()
  }
}
