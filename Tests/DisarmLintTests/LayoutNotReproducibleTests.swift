import DisarmDiagnostics
import DisarmLint
import DisarmModel
import DisarmRegeneration
import DisarmTestSupport
import Testing

/// `layout-not-reproducible` beyond its catalogue examples: a page whose own layout lacks a derived table is
/// reported only when the table would have rows, once per page however many tables it lacks, never when the page is
/// migrated to a template, and the page is left out of what regeneration writes.
@Suite struct LayoutNotReproducibleTests {
  static let rule = "layout-not-reproducible"

  static let base: [String: String] = [
    "phases/P01.md": VariantPages.phase(),
    "tactics/TA02.md": VariantPages.tactic(
      techniques: [VariantPages.techniqueRow("T0002", "Facilitate State Propaganda")]),
    "techniques/T0002.md": VariantPages.technique(),
    "incidents/I00002.md": VariantPages.incident(),
  ]

  static func check(_ changes: [String: String], template: KnowledgeBase.Template? = nil) throws
    -> CheckedKnowledgeBase
  {
    Linter.check(try TemporaryKnowledgeBase.load(base.merging(changes) { $1 }), template: template)
  }

  static func findings(_ checked: CheckedKnowledgeBase) -> [Diagnostic] {
    checked.diagnostics.filter { $0.rule.rawValue == rule }
  }

  @Test func theVariantTreeHasNoFinding() throws {
    #expect(Self.findings(try Self.check([:])).isEmpty)
  }

  @Test func aMissingTableThatWouldHaveRowsIsReportedOnceForTheWholePageAndThePageIsLeftAlone() throws {
    let checked = try Self.check(["tactics/TA02.md": VariantPages.tactic(techniques: nil)])
    let findings = Self.findings(checked)
    #expect(findings.map(\.file) == ["tactics/TA02.md"])
    #expect(findings.first?.severity == .warning)
    #expect(findings.first?.line == 0, "a finding about the whole file")
    #expect(findings.first?.message.contains("'Techniques' table for its 1 derived row") == true)
    #expect(!checked.rendered.pages.contains { $0.path == "tactics/TA02.md" })
  }

  @Test func aMissingTableWithoutRowsIsNoFindingAndThePageRegeneratesAsWritten() throws {
    // No task belongs to TA02, so the page without a Tasks table shows everything it derives.
    let page = VariantPages.tactic(
      tasks: nil, techniques: [VariantPages.techniqueRow("T0002", "Facilitate State Propaganda")])
    let checked = try Self.check(["tactics/TA02.md": page])
    #expect(Self.findings(checked).isEmpty)
    #expect(checked.rendered.unchanged.contains("tactics/TA02.md"))
  }

  @Test func aPageLackingTwoTablesWithRowsIsReportedOnce() throws {
    let checked = try Self.check([
      "tactics/TA02.md": VariantPages.tactic(tasks: nil, techniques: nil),
      "tasks/TK0001.md": "# Task TK0001: Goal setting\n\n* **Summary:** Set goals.\n\n"
        + "* **Belongs to tactic stage:** TA02\n\n\(VariantPages.marker)",
    ])
    #expect(Self.findings(checked).map(\.file) == ["tactics/TA02.md"])
  }

  @Test func aTechniquePageWithoutAnIncidentTableIsReportedOnlyOnceAnIncidentUsesTheTechnique() throws {
    let page = VariantPages.technique(incidents: nil)
    #expect(Self.findings(try Self.check(["techniques/T0002.md": page])).isEmpty)
    let row = VariantPages.incidentRow("T0002", "Facilitate State Propaganda", "IT00000001 Paid groups")
    let findings = Self.findings(
      try Self.check(["techniques/T0002.md": page, "incidents/I00002.md": VariantPages.incident(techniques: [row])]))
    #expect(findings.map(\.file) == ["techniques/T0002.md"])
    #expect(findings.first?.message.contains("'Incident' table") == true)
  }

  @Test func aPageMigratedToATemplateIsWrittenInTheTemplatesLayoutNotReported() throws {
    let checked = try Self.check(["tactics/TA02.md": VariantPages.tactic(techniques: nil)], template: .generation2022)
    #expect(Self.findings(checked).isEmpty)
    let rendered = try #require(checked.rendered.pages.first { $0.path == "tactics/TA02.md" })
    #expect(String(decoding: rendered.bytes, as: UTF8.self).contains("| Techniques |"))
  }

  @Test func anObjectTheIndexListsWithoutAPageNeedsAPlaceToo() throws {
    // T0002.001 has no page; its index row gives its tactic, so TA02's page must list it.
    let index = VariantPages.techniquesIndex([
      ("T0002", "Facilitate State Propaganda", "About Facilitate State Propaganda.", "TA02"),
      ("T0002.001", "Paid groups ", "", "TA02"),
    ])
    let checked = try Self.check([
      "techniques_index.md": index, "tactics/TA02.md": VariantPages.tactic(techniques: nil),
    ])
    let findings = Self.findings(checked)
    #expect(findings.first?.message.contains("2 derived rows") == true, "\(findings.map(\.message))")
  }
}
