import DisarmModel
import Foundation
import Testing

/// Convention tests: every rule is documented, every documented rule exists, ids are unique and kebab-case.
@Suite struct RuleCatalogueTests {
  static let documentation = Corpus.repository.appendingPathComponent("docs/DIAGNOSTICS.md")

  @Test func everyRuleIsDocumentedWithItsSeverity() throws {
    let text = try String(contentsOf: Self.documentation, encoding: .utf8)
    for rule in Rules.all {
      #expect(text.contains("| `\(rule.id)` | \(rule.severity.rawValue) |"), "\(rule.id) is not documented; run disarm catalogue")
      #expect(text.contains("### `\(rule.id)`\n\n\(rule.explanation)\n"), "\(rule.id)'s explanation is out of date")
    }
  }

  @Test func everyDocumentedRuleExists() throws {
    let text = try String(contentsOf: Self.documentation, encoding: .utf8)
    let documented = text.matches(of: /\| `([a-z0-9-]+)` \|/).map { String($0.output.1) }
    #expect(Set(documented) == Set(Rules.all.map(\.id)))
  }

  @Test func idsAreUniqueAndKebabCase() {
    let ids = Rules.all.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(ids.allSatisfy { $0.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil })
  }

  @Test func parserDiagnosticsUseCatalogueRules() throws {
    let folder = try TemporaryKnowledgeBase([
      "phases/P01.md": "no heading, no marker, a NUL \u{0} and | a | b |\n",
      "tactics/TA01.md": "# Tactic TA01: X\n\n| A | B |\n| - | - |\n| 1 | 2 | 3 |\n\nDO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW",
    ])
    defer { folder.remove() }
    let kb = try KnowledgeBaseLoader.load(from: folder.url.path)
    let known = Set(Rules.all.map(\.id))
    #expect(!kb.diagnostics.isEmpty)
    for diagnostic in kb.diagnostics { #expect(known.contains(diagnostic.rule), "\(diagnostic.rule)") }
    #expect(Set(kb.diagnostics.map(\.rule)).isSuperset(of: ["missing-heading", "missing-notes-marker", "binary-content", "malformed-table-row"]))
  }
}
