import DisarmModel
import DisarmRegeneration
import DisarmTestSupport
import Foundation
import Testing

@testable import DisarmEditing

/// An edit in a knowledge base written by one of the generator's in-between templates reaches the derived pages in
/// each page's own layout: an incident row added shows on the technique page, whose field order (the 2025-02-05
/// layout, `**Belongs to tactic stage**: TA02` after the Associated Technique table, no tactic name), blank lines and
/// notes stay as they were.
@Suite struct VariantEditPropagationTests {
  static let notes = "\n\nOur analysts' notes on T0002.\n"

  static let pages: [String: String] = [
    "phases/P01.md": VariantPages.phase(),
    "tactics/TA02.md": VariantPages.tactic(
      techniques: [VariantPages.techniqueRow("T0002", "Facilitate State Propaganda")]),
    "techniques/T0002.md": VariantPages.technique(notes: notes),
    "incidents/I00002.md": VariantPages.incident(),
  ]

  /// `build --write` through the editing executor; the paths it rewrote.
  static func regenerate(_ folder: URL) throws -> [String] {
    let request = try PageRegeneration(folder: folder).validated()
    var checked = try PageRegeneration.check(request)
    return try PageRegeneration.plan(request, checked: &checked).verified().write().written.map(\.page.path).sorted()
  }

  static func text(_ folder: URL, _ path: String) throws -> String {
    String(decoding: try Data(contentsOf: folder.appendingPathComponent(path)), as: UTF8.self)
  }

  @Test func theVariantTreeIsUpToDateAsWritten() throws {
    let tree = try TemporaryKnowledgeBase(Self.pages)
    defer { tree.remove() }
    let objectPages = try Self.regenerate(tree.url).filter { Self.pages[$0] != nil }
    #expect(objectPages.isEmpty, "object pages rewritten before any edit: \(objectPages)")
  }

  @Test func anIncidentRowAddedReachesTheTechniquePageInItsOwnLayoutWithItsNotes() throws {
    let tree = try TemporaryKnowledgeBase(Self.pages)
    defer { tree.remove() }
    let row = VariantPages.incidentRow("T0002", "Facilitate State Propaganda", "IT00000001 Paid groups push messaging")
    let edited = VariantPages.incident(techniques: [row])
    try Data(edited.utf8).write(to: tree.url.appendingPathComponent("incidents/I00002.md"))

    let written = try Self.regenerate(tree.url)
    #expect(written.contains("techniques/T0002.md"))
    #expect(!written.contains("incidents/I00002.md"), "the edited page is its own: it is not rewritten")
    let expected = VariantPages.technique(
      incidents: ["| [I00002 #VaccinateUS](../../generated_pages/incidents/I00002.md) | Paid groups push messaging |"],
      notes: Self.notes)
    #expect(try Self.text(tree.url, "techniques/T0002.md") == expected)
    #expect(try Self.text(tree.url, "incidents/I00002.md") == edited)
    // The tactic field is still after the Associated Technique table and still has no name.
    #expect(try Self.text(tree.url, "techniques/T0002.md").contains("|\n\n\n**Belongs to tactic stage**: TA02\n"))

    let again = try Self.regenerate(tree.url).filter { Self.pages[$0] != nil }
    #expect(again.isEmpty, "a second write changes nothing: \(again)")
  }

  @Test func anIncidentRowRemovedLeavesTheTechniquePageAsItWasWritten() throws {
    let row = VariantPages.incidentRow("T0002", "Facilitate State Propaganda", "IT00000001 Paid groups push messaging")
    var pages = Self.pages
    pages["incidents/I00002.md"] = VariantPages.incident(techniques: [row])
    pages["techniques/T0002.md"] = VariantPages.technique(
      incidents: ["| [I00002 #VaccinateUS](../../generated_pages/incidents/I00002.md) | Paid groups push messaging |"],
      notes: Self.notes)
    let tree = try TemporaryKnowledgeBase(pages)
    defer { tree.remove() }
    try Data(VariantPages.incident().utf8).write(to: tree.url.appendingPathComponent("incidents/I00002.md"))

    _ = try Self.regenerate(tree.url)
    #expect(try Self.text(tree.url, "techniques/T0002.md") == Self.pages["techniques/T0002.md"])
  }
}
