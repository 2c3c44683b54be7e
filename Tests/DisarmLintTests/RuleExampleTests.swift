import DisarmDiagnostics
import DisarmLint
import DisarmModel
import DisarmRegeneration
import DisarmTestSupport
import Foundation
import Testing

/// Every rule's examples, run through the linter as `disarm lint` runs it: a triggering example makes the rule fire
/// exactly at its `↓` markers (and nowhere else), a non-triggering one is a clean knowledge base.
@Suite struct RuleExampleTests {
  /// The findings for `example`: every rule's, with `derived-out-of-date` only for the example's own pages (derived
  /// whole pages it leaves out, such as indexes, would be created, not found out of date). An example with pages
  /// edited while running is also written back, with those edits made between planning and writing.
  static func findings(_ example: RuleExample) throws -> [Diagnostic] {
    let folder = TemporaryFolder.url("disarm-example")
    defer { try? FileManager.default.removeItem(at: folder) }
    try example.write(to: folder)
    var base: KnowledgeBase?
    if !example.base.isEmpty {
      let baseFolder = TemporaryFolder.url("disarm-example-base")
      defer { try? FileManager.default.removeItem(at: baseFolder) }
      try example.writeBase(to: baseFolder)
      base = try KnowledgeBaseLoader.load(from: baseFolder.path)
    }
    var checked = try CheckedKnowledgeBase.load(folder.path, against: base)
    let changes = try checked.changes(in: folder, reporting: true)
    if !example.editedWhileRunning.isEmpty {
      for (path, content) in example.editedWhileRunning {
        try Data(content.utf8).write(to: folder.appendingPathComponent(path))
      }
      // What the writer finds just before each rename: pages that no longer hold what was read are left alone.
      let conflicts = changes.filter { change in
        FileManager.default.contents(atPath: folder.appendingPathComponent(change.page.path).path).map { [UInt8]($0) }
          != change.current
      }
      checked.record(conflicts.map { PageSync.Conflict(path: $0.page.path) })
    }
    return checked.diagnostics.filter { $0.rule != DerivedOutOfDateRule.id || example.pages[$0.file] != nil }
  }

  static let ids = RuleRegistry.rules.map { $0.id.rawValue }

  @Test(arguments: ids)
  func triggeringExamplesFireExactlyAtTheirMarkers(_ id: String) throws {
    let rule = try #require(RuleRegistry.rule(named: id))
    for example in rule.examples where example.triggers {
      let found = try Self.findings(example).filter { $0.rule == rule.id }
      let locations = Set(found.map { RuleExample.ExpectedLocation(file: $0.file, line: $0.line, column: $0.column) })
      #expect(!found.isEmpty, "\(id) should fire on \"\(example.note)\" but did not")
      let reported = locations.map(\.description).sorted()
      #expect(
        locations == Set(example.expectedLocations),
        "\(id) on \"\(example.note)\": reported at \(reported), the markers say \(example.expectedLocations)")
    }
  }

  /// A non-triggering example is a knowledge base with the problem fixed, and nothing else wrong with it.
  @Test(arguments: ids)
  func nonTriggeringExamplesAreClean(_ id: String) throws {
    let rule = try #require(RuleRegistry.rule(named: id))
    for example in rule.examples where !example.triggers {
      let found = try Self.findings(example)
      #expect(found.isEmpty, "\(id): \"\(example.note)\": \(found.map(\.formatted))")
    }
  }

  @Test(arguments: ids)
  func everyRuleHasBothKindsOfExampleWithMarkers(_ id: String) throws {
    let rule = try #require(RuleRegistry.rule(named: id))
    #expect(rule.examples.contains { $0.triggers }, "\(id) has no triggering example")
    #expect(rule.examples.contains { !$0.triggers }, "\(id) has no non-triggering example")
    #expect(!rule.description.explanation.isEmpty, "\(id) has no explanation")
    for example in rule.examples {
      #expect(!example.note.isEmpty && !example.pages.isEmpty, "\(id) has an example without note or pages")
      #expect(
        example.triggers == !example.expectedLocations.isEmpty,
        "\(id): \"\(example.note)\": a triggering example marks where it fires (↓ or wholeFile), others do not")
    }
  }

  /// Every finding any example produces, of any rule, has a severity its rule declares: a rule can never report
  /// with a severity the catalogue does not show.
  @Test func everyFindingHasASeverityItsRuleDeclares() throws {
    for rule in RuleRegistry.rules {
      for example in rule.examples {
        for finding in try Self.findings(example) {
          let description = try #require(RuleRegistry.rule(finding.rule)?.description, "\(finding.rule) unknown")
          #expect(description.allows(finding.severity), "\(finding.formatted) has a severity \(finding.rule) lacks")
        }
      }
    }
  }

  @Test func theMarkerIsRemovedAndLocated() {
    let example = RuleExample(triggers: true, note: "n", pages: ["a/B.md": "ab\ncé↓d"], wholeFile: "c/D.md")
    #expect(example.pages["a/B.md"] == "ab\ncéd")
    #expect(
      example.expectedLocations == [
        .init(file: "a/B.md", line: 2, column: 4), .init(file: "c/D.md", line: 0, column: 0),
      ])
  }
}
