import DisarmDiagnostics

/// `disarm lint --list-rules`: the rules grouped by category (``RuleCategory``, in catalogue order), a heading per
/// category, then one line per rule (id, severity, fixability, summary), the columns aligned across groups.
public enum RuleListing {
  /// The listing, coloured with `style`.
  public static func text(style: ANSIStyle) -> String {
    let rules = RuleRegistry.descriptions
    let width = rules.map(\.id.rawValue.count).max() ?? 0
    return RuleCategory.allCases.compactMap { category in
      let members = rules.filter { $0.category == category }
      guard !members.isEmpty else { return nil }
      let lines = members.map { rule in
        let id = rule.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
        let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
        return "  \(style.bold(id))  \(severity)  \(rule.isFixable ? "fix" : "   ")  \(rule.summary)\n"
      }
      return style.bold(category.title) + "\n" + lines.joined()
    }.joined(separator: "\n")
  }
}
