import DisarmDiagnostics
import DisarmLint
import DisarmModel
import DisarmTestSupport
import Foundation
import Testing

/// How the linter reports what linking small knowledge bases found: the findings, their rules, severities and
/// positions. The facts themselves (objects, relations, unassigned pages, reading problems) are tested in
/// DisarmModelTests (`LinkerTests`), on the same knowledge bases.
@Suite struct LinkedKnowledgeBaseFindingsTests {
  static let base: [String: String] = [
    "phases/P01.md": SamplePages.phase("P01", "Plan"),
    "tactics/TA01.md": SamplePages.tactic("TA01", "First Tactic"),
    "techniques/T0001.md": SamplePages.technique("T0001", "Parent Technique"),
    "techniques/T0001.001.md": SamplePages.technique("T0001.001", "Child", parent: "T0001 Parent Technique"),
  ]

  /// The model rules' findings for `base` with `changes` applied: what linking found. Regeneration's findings are
  /// not this suite's (the minimal sample pages have no derived tables, which `layout-not-reproducible` reports).
  static func findings(_ changes: [String: String]) throws -> [Diagnostic] {
    let kb = try TemporaryKnowledgeBase.load(base.merging(changes) { $1 })
    return Linter.modelFindings(kb)
  }

  @Test func aWellLinkedKnowledgeBaseHasNoFindings() throws {
    let findings = try Self.findings([
      "incidents/I00001.md": SamplePages.incident(
        "I00001", "Example", rows: [("T0001.001", "Child", "Seen with T0001: Parent Technique.")])
    ])
    #expect(findings.isEmpty, "\(findings.map(\.formatted))")
  }

  @Test func fileNamesThatAreNotIdentifiersAreReported() throws {
    let findings = try Self.findings([
      "incidents/.md": "# Incident : \n\n\(SamplePages.marker)",
      "techniques/T0002 .md": SamplePages.technique("T0002 ", "Spaced"),
    ])
    let rejected = findings.filter { $0.rule.rawValue == "file-name-not-id" }.map(\.file).sorted()
    #expect(rejected == ["incidents/.md", "techniques/T0002 .md"])
  }

  @Test func headingThatDisagreesWithFileNameIsAnErrorAtTheIdentifier() throws {
    let findings = try Self.findings(["techniques/T0003.md": SamplePages.technique("T0004", "Wrong")])
    let diagnostic = try #require(findings.first { $0.rule.rawValue == "heading-id-mismatch" })
    #expect(diagnostic.file == "techniques/T0003.md")
    #expect(diagnostic.line == 1)
    #expect(diagnostic.column == 13)
    #expect(diagnostic.severity == .error)
  }

  @Test func danglingLinksAreErrors() throws {
    let findings = try Self.findings([
      "incidents/I00001.md": SamplePages.incident("I00001", "Example", rows: [("T0999", "Missing", "x")]),
      "techniques/T0005.md": SamplePages.technique("T0005", "Orphan", tactic: "TA09 Nowhere"),
    ])
    let unresolved = findings.filter { $0.rule.rawValue == "unresolved-link" }
    #expect(unresolved.map(\.file) == ["incidents/I00001.md", "techniques/T0005.md"])
    #expect(unresolved.allSatisfy { $0.severity == .error })
  }

  @Test func tacticFieldWithoutIdentifierIsUnreadable() throws {
    let findings = try Self.findings([
      "techniques/T0006.md": SamplePages.technique("T0006", "Bad", tactic: "somewhere")
    ])
    let diagnostic = try #require(findings.first { $0.rule.rawValue == "unreadable-field" })
    #expect(diagnostic.file == "techniques/T0006.md")
    #expect(diagnostic.line == 5)
    #expect(diagnostic.column == 13)
  }

  @Test func parentFieldThatDisagreesWithTheIdentifierIsReported() throws {
    let findings = try Self.findings([
      "techniques/T0001.002.md": SamplePages.technique("T0001.002", "Other", parent: "T0009 Someone Else")
    ])
    #expect(findings.contains { $0.rule.rawValue == "parent-mismatch" && $0.file == "techniques/T0001.002.md" })
  }

  @Test func nameWrittenDifferentlyFromTheHeadingIsReported() throws {
    let findings = try Self.findings([
      "techniques/T0001.001.md": SamplePages.technique("T0001.001", "Child", parent: "T0001 Parent Tecnique")
    ])
    let diagnostic = try #require(findings.first { $0.rule.rawValue == "name-mismatch" })
    #expect(diagnostic.message == "T0001 is written 'Parent Tecnique' but is named 'Parent Technique'")
  }

  @Test func aPageMissingFromTheIndexIsTheOnlyFinding() throws {
    let findings = try Self.findings([
      "tactics/TA02.md": SamplePages.tactic("TA02", "Dropped Tactic"),
      "tactics_index.md":
        "# DISARM Tactics:\n\n<table border=\"1\">\n<tr>\n<th>disarm_id</th>\n</tr>\n<tr>\n<td><a href=\"tactics/TA01.md\">TA01</a></td>\n</tr>\n</table>\n",
    ])
    #expect(findings.map(\.rule.rawValue) == ["stale-page"])
  }
}
