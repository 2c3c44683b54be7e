import DisarmModel
import Foundation
import Testing

/// Every rule's examples, run: each triggering example makes the loader report the rule, each non-triggering one
/// does not. Examples checked by regeneration are run in DisarmEmittersTests (RuleExampleRenderingTests).
@Suite struct RuleExampleTests {
  /// Writes `example` to a temporary page folder and loads it.
  static func load(_ example: RuleExample) throws -> KnowledgeBase {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("disarm-example-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try example.write(to: folder)
    return try KnowledgeBaseLoader.load(from: folder.path)
  }

  @Test(arguments: Rules.all.map(\.id))
  func examplesTriggerTheRuleExactlyWhenTheySay(_ id: String) throws {
    let rule = try #require(Rules.rule(id))
    for example in rule.examples where example.check == .loading {
      let kb = try Self.load(example)
      let found = kb.diagnostics.filter { $0.rule == rule.id }
      #expect(
        !found.isEmpty == example.triggers,
        """
        \(rule.id): \(example.triggers ? "should fire but did not" : "should not fire but did") on \
        "\(example.note)"; diagnostics: \(kb.diagnostics.map(\.formatted))
        """)
    }
  }

  @Test(arguments: Rules.all.map(\.id))
  func everyRuleHasBothKindsOfExampleAndAnExplanation(_ id: String) throws {
    let rule = try #require(Rules.rule(id))
    #expect(rule.examples.contains { $0.triggers }, "\(rule.id) has no triggering example")
    #expect(rule.examples.contains { !$0.triggers }, "\(rule.id) has no non-triggering example")
    #expect(!rule.explanation.isEmpty, "\(rule.id) has no explanation")
    for example in rule.examples {
      #expect(!example.note.isEmpty && !example.pages.isEmpty, "\(rule.id) has an example without note or pages")
    }
  }

  /// A non-triggering example is a knowledge base with the problem fixed, and nothing else wrong with it.
  @Test(arguments: Rules.all.map(\.id))
  func nonTriggeringExamplesAreClean(_ id: String) throws {
    let rule = try #require(Rules.rule(id))
    for example in rule.examples where !example.triggers {
      let kb = try Self.load(example)
      #expect(kb.diagnostics.isEmpty, "\(rule.id): \"\(example.note)\": \(kb.diagnostics.map(\.formatted))")
    }
  }
}
