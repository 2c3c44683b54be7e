import DisarmDiagnostics
import DisarmLint
import DisarmModel
import DisarmTestSupport
import Foundation
import Testing

/// Convention tests: every rule is documented, every documented rule exists, ids are unique and kebab-case, and
/// every rule lives in its own file under `Sources/DisarmLint/Rules/`.
@Suite struct RuleCatalogueTests {
  static let documentation = TestSupport.repositoryRoot.appendingPathComponent("docs/DIAGNOSTICS.md")

  // That docs/DIAGNOSTICS.md is generated from the catalogue (lint rules and spreadsheet checks) is checked in
  // DisarmImportTests.SpreadsheetCheckTests, which sees both.

  @Test func idsAreUniqueAndKebabCase() {
    let ids = RuleRegistry.rules.map { $0.id.rawValue }
    #expect(Set(ids).count == ids.count)
    #expect(ids.allSatisfy { $0.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil })
  }

  /// `Rules/NameMismatchRule.swift` holds `NameMismatchRule`, whose id is `name-mismatch`, and nothing else does.
  @Test func everyRuleLivesInItsOwnFile() throws {
    let folder = TestSupport.repositoryRoot.appendingPathComponent("Sources/DisarmLint/Rules")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
    let expected = RuleRegistry.rules.map { String(describing: $0) + ".swift" }
    #expect(Set(files) == Set(expected))
    for rule in RuleRegistry.rules {
      let name = String(describing: rule)
      let camel = rule.id.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
      #expect(name.lowercased() == (camel + "Rule").lowercased(), "\(name) should be named after \(rule.id)")
      let source = try String(contentsOf: folder.appendingPathComponent(name + ".swift"), encoding: .utf8)
      #expect(source.contains("RuleID(\"\(rule.id.rawValue)\")"), "\(name).swift declares another id")
    }
  }

  /// No source file outside the rule files makes a diagnostic of a rule: `Rule.diagnostic` is the only way in.
  @Test func diagnosticsAreMadeOnlyByRules() throws {
    let sources = TestSupport.repositoryRoot.appendingPathComponent("Sources")
    let enumerator = FileManager.default.enumerator(atPath: sources.path)
    while let path = enumerator?.nextObject() as? String {
      guard path.hasSuffix(".swift"), !path.hasPrefix("DisarmLint/Rules/"), !path.hasPrefix("DisarmDiagnostics/"),
        path != "DisarmLint/Rule.swift"
      else { continue }
      let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
      #expect(!text.contains("Diagnostic(rule:"), "\(path) makes a diagnostic outside a rule file")
    }
  }
}
