import DisarmEmitters
import DisarmModel
import DisarmParser
import Foundation
import Testing

/// The rule examples that regeneration reports (`derived-out-of-date`, `page-not-regenerated`), run the way
/// `disarm lint` runs them: load, `PageRenderer.render`, then `PageSync.changes` against the pages on disk. Only the
/// example's own pages count as drift: derived whole pages it leaves out (indexes, matrices) would be created.
@Suite struct RuleExampleRenderingTests {
  /// The rule ids reported for `example`: the loader's, the renderer's, and `derived-out-of-date` when a page of the
  /// example would be rewritten.
  static func reportedRules(_ example: RuleExample) throws -> (rules: Set<String>, findings: [String]) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("disarm-example-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try example.write(to: folder)
    let kb = try KnowledgeBaseLoader.load(from: folder.path)
    let rendered = PageRenderer.render(kb)
    var findings = (kb.diagnostics + rendered.diagnostics).map(\.formatted)
    var rules = Set((kb.diagnostics + rendered.diagnostics).map(\.rule))
    let drift = try PageSync.changes(rendered.pages, in: folder).filter { example.pages[$0.page.path] != nil }
    if !drift.isEmpty {
      rules.insert(Rules.derivedOutOfDate.id)
      findings += drift.map { "\($0.page.path): would be rewritten [\(Rules.derivedOutOfDate.id)]" }
    }
    return (rules, findings)
  }

  static let renderedRules = Rules.all.filter { rule in rule.examples.contains { $0.check == .rendering } }

  @Test func regenerationRulesHaveRenderingExamples() {
    #expect(Set(Self.renderedRules.map(\.id)) == [Rules.derivedOutOfDate.id, Rules.pageNotRegenerated.id])
  }

  @Test(arguments: renderedRules.map(\.id))
  func examplesTriggerTheRuleExactlyWhenTheySay(_ id: String) throws {
    let rule = try #require(Rules.rule(id))
    for example in rule.examples where example.check == .rendering {
      let reported = try Self.reportedRules(example)
      #expect(
        reported.rules.contains(rule.id) == example.triggers,
        """
        \(rule.id): \(example.triggers ? "should fire but did not" : "should not fire but did") on \
        "\(example.note)"; findings: \(reported.findings)
        """)
    }
  }

  /// Every non-triggering example of every rule is written as the generator writes it: regeneration leaves its
  /// pages as they are and reports nothing.
  @Test(arguments: Rules.all.map(\.id))
  func nonTriggeringExamplesAreRegeneratedUnchanged(_ id: String) throws {
    let rule = try #require(Rules.rule(id))
    for example in rule.examples where !example.triggers {
      let reported = try Self.reportedRules(example)
      #expect(reported.findings.isEmpty, "\(rule.id): \"\(example.note)\": \(reported.findings)")
    }
  }
}
