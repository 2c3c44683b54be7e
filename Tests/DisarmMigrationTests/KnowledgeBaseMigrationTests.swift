import DisarmEditing
import DisarmLint
import DisarmModel
import DisarmTestSupport
import Foundation
import Testing

@testable import DisarmMigration

/// `disarm migrate --kb`: a knowledge base's incidents written against the old release, carried through the writer.
@Suite struct KnowledgeBaseMigrationTests {
  static let incident =
    SamplePages.incident(
      "I00001", "Our incident", rows: [("T0004", "Delta", "Seen (T0004: Delta)."), ("T0002", "Beta", "Also.")])
    + "\nOur own note about T0004: Delta, kept as written.\n"

  @Test func incidentsAreMigratedThroughTheWriterAndTheirNotesAreKept() throws {
    var pages = MigrationFixtures.newPages
    pages["incidents/I00001.md"] = Self.incident
    let kb = try TemporaryKnowledgeBase(pages, prefix: "disarm-migrate-kb")
    defer { kb.remove() }
    let mapping = try MigrationFixtures.mapping()
    let request = try KnowledgeBaseMigration.Request(folder: kb.url.path, framework: nil).validated()
    let plan = try KnowledgeBaseMigration.plan(request, mapping: mapping)
    #expect(plan.files.map(\.path) == ["incidents/I00001.md"])
    // The row's link text and target and the prose reference of T0004; the row's text of T0002 (its link target
    // writes no name).
    #expect(plan.files[0].items.map(\.change) == [.replaced, .replaced, .replaced, .renamed])
    _ = try plan.write()
    let written = try String(contentsOf: kb.url.appendingPathComponent("incidents/I00001.md"), encoding: .utf8)
    #expect(written.contains("| [T0007 Eta](../../generated_pages/techniques/T0007.md) | Seen (T0007: Eta). |"))
    #expect(written.contains("| [T0002 Beta Prime](../../generated_pages/techniques/T0002.md) | Also. |"))
    #expect(written.hasSuffix("\nOur own note about T0004: Delta, kept as written.\n"))
    // What `build --check` checks: nothing is left out of date, and no reference dangles.
    var checked = Linter.check(try KnowledgeBaseLoader.load(from: kb.url.path))
    #expect(try checked.changes(in: kb.url, reporting: false).isEmpty)
    #expect(!checked.diagnostics.contains { $0.severity == .error })
    // Again: nothing to change.
    let again = try KnowledgeBaseMigration.plan(request, mapping: mapping)
    #expect(again.changePlan == nil)
  }
}
