import DisarmLint
import Testing

/// ``Rule/asPageRule`` tells the linter which rules are page rules without a dynamic cast: it must say so for
/// exactly the rules that conform to ``PageRule``, or a page rule would run twice or not at all.
@Suite struct PageRuleTests {
  @Test func asPageRuleNamesExactlyThePageRules() {
    for rule in RuleRegistry.rules {
      #expect((rule.asPageRule != nil) == (rule is any PageRule.Type), "\(rule)")
      if let pageRule = rule.asPageRule { #expect(pageRule.id == rule.id) }
    }
    #expect(RuleRegistry.rules.contains { $0.asPageRule != nil })
  }
}
