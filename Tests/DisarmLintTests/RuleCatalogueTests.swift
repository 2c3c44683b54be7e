import DisarmDiagnostics
import DisarmLint
import DisarmModel
import DisarmTestSupport
import Foundation
import Testing

/// Convention tests: every rule is documented, every documented rule exists, ids are unique and kebab-case, every
/// rule lives in its own file under `Sources/DisarmLint/Rules/<Category>/`, and `--list-rules` groups them so.
@Suite struct RuleCatalogueTests {
  static let documentation = TestSupport.repositoryRoot.appendingPathComponent("docs/DIAGNOSTICS.md")

  // That docs/DIAGNOSTICS.md is generated from the catalogue (lint rules and spreadsheet checks) is checked in
  // DisarmImportTests.SpreadsheetCheckTests, which sees both.

  @Test func idsAreUniqueAndKebabCase() {
    let ids = RuleRegistry.rules.map { $0.id.rawValue }
    #expect(Set(ids).count == ids.count)
    #expect(ids.allSatisfy { $0.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil })
  }

  /// `Sources/DisarmLint/Rules/`, found from this file's path; nil (and the tests that read it skipped) when the
  /// sources are not beside the tests, as when the tests run from an installed bundle.
  static let rulesFolder: URL? = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/DisarmLint/Rules")
    return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
  }()
  static let noSources: Comment = "Sources/DisarmLint/Rules is not found from this test file's #filePath"

  /// Every `.swift` file under `Rules/`, as `Category/NameRule.swift`.
  static func ruleFiles(in folder: URL) -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    var files: [String] = []
    while let path = enumerator?.nextObject() as? String {
      if path.hasSuffix(".swift") { files.append(path) }
    }
    return files
  }

  /// `Rules/References/NameMismatchRule.swift` holds `NameMismatchRule`, whose id is `name-mismatch`, and nothing
  /// else does.
  @Test(.enabled(if: rulesFolder != nil, noSources))
  func everyRuleLivesInItsOwnFile() throws {
    let folder = try #require(Self.rulesFolder)
    let files = Self.ruleFiles(in: folder).map { ($0 as NSString).lastPathComponent }
    let expected = RuleRegistry.rules.map { String(describing: $0) + ".swift" }
    #expect(files.sorted() == expected.sorted())
    for rule in RuleRegistry.rules {
      let name = String(describing: rule)
      let camel = rule.id.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
      #expect(name.lowercased() == (camel + "Rule").lowercased(), "\(name) should be named after \(rule.id)")
      let path = rule.description.category.title + "/" + name + ".swift"
      guard let source = try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) else {
        continue  // reported by the category test below
      }
      #expect(source.contains("RuleID(\"\(rule.id.rawValue)\")"), "\(name).swift declares another id")
    }
  }

  /// A rule's file is in the folder named after its category (`Rules/Structure/EmptySummaryRule.swift` for a rule
  /// whose description says `category: .structure`), and every rule file is in such a folder.
  @Test(.enabled(if: rulesFolder != nil, noSources))
  func everyRuleFileIsInItsCategorysFolder() throws {
    let folder = try #require(Self.rulesFolder)
    let categoryOf = Dictionary(
      uniqueKeysWithValues: RuleRegistry.rules.map { (String(describing: $0), $0.description.category) })
    let titles = Set(RuleCategory.allCases.map(\.title))
    for path in Self.ruleFiles(in: folder) {
      let components = path.split(separator: "/").map(String.init)
      #expect(components.count == 2, "\(path) should be in Rules/<Category>/ (one of \(titles.sorted()))")
      guard components.count == 2 else { continue }
      let name = String(components[1].dropLast(".swift".count))
      let category = try #require(categoryOf[name], "\(path) holds no registered rule")
      #expect(
        components[0] == category.title,
        "\(path): the rule's category is \(category.title), so its file belongs in Rules/\(category.title)/")
    }
  }

  /// The registry lists the rules grouped by category, in the order of ``RuleCategory``'s cases, so that the
  /// catalogue's table reads group by group.
  @Test func theRegistryIsInCategoryOrder() {
    let order = RuleCategory.allCases
    let positions = RuleRegistry.descriptions.map { order.firstIndex(of: $0.category) ?? 0 }
    #expect(positions == positions.sorted(), "\(RuleRegistry.descriptions.map { "\($0.id) (\($0.category))" })")
  }

  /// `--list-rules`: a heading per category that has rules, then its rules indented, each line id, severity, fix,
  /// summary; every rule listed once, under its category.
  @Test func theListingGroupsTheRulesByCategory() {
    let text = RuleListing.text(style: ANSIStyle(enabled: false))
    var category: RuleCategory?
    var listed: [RuleID: RuleCategory] = [:]
    var headings: [RuleCategory] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      if let heading = RuleCategory.allCases.first(where: { $0.title == line }) {
        category = heading
        headings.append(heading)
        continue
      }
      #expect(line.hasPrefix("  "), "'\(line)' is neither a category heading nor an indented rule")
      let id = RuleID(String(line.dropFirst(2).prefix { $0 != " " }))
      #expect(listed[id] == nil, "\(id) is listed twice")
      listed[id] = category
      let rule = RuleRegistry.rule(id)?.description
      #expect(rule.map { line.hasSuffix("  " + $0.summary) && line.contains(" \($0.severity.rawValue) ") } ?? false)
    }
    #expect(headings == RuleCategory.allCases.filter { c in RuleRegistry.descriptions.contains { $0.category == c } })
    #expect(listed == Dictionary(uniqueKeysWithValues: RuleRegistry.descriptions.map { ($0.id, $0.category) }))
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
