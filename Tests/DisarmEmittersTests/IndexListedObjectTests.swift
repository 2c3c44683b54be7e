import DisarmLint
import DisarmModel
import DisarmRegeneration
import DisarmTestSupport
import Testing

/// The index owns which objects a knowledge base has: an object its kind's index lists without a page is a real
/// object known by its row (DISARM's generator listed 160 sub-techniques on 2022-07-02 before it wrote their pages).
/// It stays in the regenerated index, derived pages list it named as the index names it, links to it resolve,
/// `missing-page` warns once; removing its row removes it.
@Suite struct IndexListedObjectTests {
  static let rows: [(id: String, name: String, summary: String, tactic: String)] = [
    ("T0002", "Facilitate State Propaganda", "About Facilitate State Propaganda.", "TA02"),
    // The generator copied the spreadsheet's cell: the trailing space is part of the name as written.
    ("T0002.001", "Paid groups ", "", "TA02"),
  ]

  static let tacticRows = [
    VariantPages.techniqueRow("T0002", "Facilitate State Propaganda"),
    VariantPages.techniqueRow("T0002.001", "Paid groups "),
  ]

  static let pages: [String: String] = [
    "phases/P01.md": VariantPages.phase(),
    "tactics/TA02.md": VariantPages.tactic(techniques: tacticRows),
    "techniques/T0002.md": VariantPages.technique(),
    "techniques_index.md": VariantPages.techniquesIndex(rows),
  ]

  static func rendered(_ checked: CheckedKnowledgeBase, _ path: String) -> String? {
    checked.rendered.pages.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
  }

  @Test func theListedObjectIsKnownByItsRow() throws {
    let kb = try TemporaryKnowledgeBase.load(Self.pages)
    let id = try #require(kb.id("T0002.001"))
    let object = try #require(kb[id])
    #expect(object.page == nil)
    #expect(!object.isStale)
    #expect(object.name == "Paid groups")
    #expect(object.writtenName == "Paid groups ")
    #expect(object.file == "techniques_index.md")
    #expect(kb.tactic(of: id)?.string == "TA02")
    #expect(kb.subtechniques(of: try #require(kb.id("T0002"))) == [id])
    #expect(kb.objects(of: .technique).map(\.id.string) == ["T0002", "T0002.001"])
  }

  @Test func itIsReportedOnceByMissingPageAndLinksToItResolve() throws {
    let checked = Linter.check(try TemporaryKnowledgeBase.load(Self.pages))
    let missing = checked.diagnostics.filter { $0.rule.rawValue == "missing-page" }
    #expect(missing.map(\.file) == ["techniques_index.md"])
    #expect(missing.first?.severity == .warning)
    #expect(missing.first?.message == "techniques_index.md lists T0002.001, which has no page")
    let others = checked.diagnostics.filter { $0.rule.rawValue != "missing-page" && $0.severity == .error }
    #expect(others.isEmpty, "\(others.map(\.formatted))")
  }

  @Test func derivedPagesListItAsTheIndexNamesItAndTheIndexKeepsItsRow() throws {
    let checked = Linter.check(try TemporaryKnowledgeBase.load(Self.pages))
    // Up to date as written: the tactic page and the index regenerate to their own bytes.
    #expect(checked.rendered.unchanged.contains("tactics/TA02.md"))
    #expect(checked.rendered.unchanged.contains("techniques_index.md"))
    // From a tactic page that lists nothing, the row is derived.
    let empty = Linter.check(
      try TemporaryKnowledgeBase.load(Self.pages.merging(["tactics/TA02.md": VariantPages.tactic()]) { $1 }))
    #expect(Self.rendered(empty, "tactics/TA02.md") == Self.pages["tactics/TA02.md"])
  }

  @Test func removingItsRowRemovesTheObject() throws {
    let pages = Self.pages.merging(["techniques_index.md": VariantPages.techniquesIndex([Self.rows[0]])]) { $1 }
    let checked = Linter.check(try TemporaryKnowledgeBase.load(pages))
    #expect(checked.kb[try #require(checked.kb.id("T0002.001"))] == nil)
    #expect(!checked.diagnostics.contains { $0.rule.rawValue == "missing-page" })
    #expect(
      Self.rendered(checked, "tactics/TA02.md")
        == VariantPages.tactic(techniques: [VariantPages.techniqueRow("T0002", "Facilitate State Propaganda")]))
  }

  @Test func deletingOnlyThePageKeepsTheObjectListed() throws {
    // T0002 loses its page but keeps its row: it is still TA02's, named as the index names it.
    var pages = Self.pages
    pages["techniques/T0002.md"] = nil
    let checked = Linter.check(try TemporaryKnowledgeBase.load(pages))
    #expect(checked.diagnostics.filter { $0.rule.rawValue == "missing-page" }.count == 2)
    #expect(checked.rendered.unchanged.contains("tactics/TA02.md"))
    #expect(checked.rendered.unchanged.contains("techniques_index.md"))
  }
}
