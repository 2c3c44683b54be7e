import DisarmDiagnostics
import DisarmEditing
import DisarmImport
import DisarmLint
import DisarmTestSupport
import Foundation
import Testing

/// `disarm tag --into-incident` and `--new-incident` in the library: a report's techniques added to an incident's
/// rows (the sentence as the description, the report as a reference), planned as incidents are imported, through
/// the one writer; nothing else of the page touched, idempotent, the technique pages regenerated.
@Suite struct ReportIncidentImportTests {
  typealias Support = IncidentImportTests
  typealias Use = ReportIncidentImport.Use

  static let uses = [
    // Already in I00901's row for T0151.008, in other spacing: not added again.
    Use(
      technique: "T0151.008",
      sentence: "The campaign ran mainly on a microblogging service, where the hashtag briefly reached the local "
        + "trending list (T0151.008: Microblogging Platform)."),
    Use(technique: "T0151.008", sentence: "Posts went to a microblogging platform."),
    Use(technique: "T0002", sentence: "State media repeated the claim | twice."),
    Use(technique: "T0132", sentence: "They counted retweets (T0132: Measure Performance)."),
    Use(technique: "T0002", sentence: "State media repeated the claim | twice."),
  ]

  static func plan(_ target: ReportIncidentImport.Target, _ uses: [Use] = uses, into kb: URL, reference: String? = nil)
    throws -> IncidentImport.Plan
  {
    try ReportIncidentImport.plan(
      ReportIncidentImport.Request(
        into: kb.path, target: target, reports: ["/somewhere/takedown.md"], reference: reference, uses: uses
      ).validated())
  }

  @discardableResult
  static func run(_ target: ReportIncidentImport.Target, _ uses: [Use] = uses, into kb: URL, reference: String? = nil)
    throws -> IncidentImport.Plan
  {
    let plan = try plan(target, uses, into: kb, reference: reference)
    _ = try #require(plan.changePlan).verified().write()
    return plan
  }

  @Test func theTechniquesAreAddedToAnExistingIncidentAndNothingElseChanges() throws {
    let (kb, _) = try Support.copy()
    let before = try Support.page("incidents/I00901.md", in: kb)
    let plan = try Self.run(.existing("I00901"), into: kb)
    #expect(plan.diagnostics.isEmpty)
    #expect(plan.incidents.map(\.state) == [.updated] && plan.incidents.map(\.id.string) == ["I00901"])
    let after = try Support.page("incidents/I00901.md", in: kb)
    let link = "](../../generated_pages/techniques/"
    let rows = after.split(separator: "\n").filter { $0.hasPrefix("| [T") }.map(String.init)
    // New techniques in identifier order among the page's rows; a technique the page lists gets the sentence in its
    // row (a table lists a technique once); the sentence already there and the repeated one are not added twice.
    let kept: (String) -> String = { id in
      before.split(separator: "\n").first { $0.contains("[\(id) ") }.map(String.init) ?? ""
    }
    let t0002 = "| [T0002 Facilitate State Propaganda\(link)T0002.md) | State media repeated the claim \\| twice. |"
    let t0132 = "| [T0132 Measure Performance\(link)T0132.md) | They counted retweets (T0132: Measure Performance). |"
    let t0151: String =
      "| [T0151.008 Microblogging Platform\(link)T0151.008.md) | The campaign ran mainly on a microblogging service, "
      + "where the hashtag briefly reached the local trending list (T0151.008: Microblogging Platform)."
      + "<br><br>Posts went to a microblogging platform. |"
    let expected: [String] = [t0002, kept("T0073"), kept("T0085.001"), kept("T0115"), t0132, t0151]
    #expect(rows == expected)
    // The report is a reference (its file name, never its folder); the other references, the fields and the notes
    // are as they were, and the page is not said to be imported from the report.
    #expect(after.contains("| takedown.md |  |  |  |  |\n") && !after.contains("somewhere"))
    #expect(!after.contains("Imported from"))
    let unchanged = { (text: String) in
      text.split(separator: "\n").filter { !$0.hasPrefix("| [T") && !$0.hasPrefix("| takedown.md") }
    }
    #expect(unchanged(after) == unchanged(before))
    #expect(
      after.hasSuffix(
        "Analyst note: the incident, its accounts and its reference are invented for this sample knowledge base.\n"))
    // The technique pages list the incident, as an import regenerates them.
    #expect(try Support.page("techniques/T0002.md", in: kb).contains("[I00901 Coordinated hashtag campaign"))
    #expect(
      Set(plan.changes.map(\.page.path)) == [
        "incidents/I00901.md", "techniques/T0002.md", "techniques/T0132.md", "techniques/T0151.008.md",
      ])
    let checked = try CheckedKnowledgeBase.load(kb.path)
    #expect(checked.count(.error) == 0 && checked.count(.warning) == 0, "\(checked.diagnostics)")
    #expect(checked.rendered.pages.allSatisfy { $0.basis == .bytes($0.bytes) })
    // Tagging the same report again changes nothing.
    let again = try Self.plan(.existing("I00901"), into: kb)
    #expect(again.changes.isEmpty && again.incidents.map(\.state) == [.unchanged])
  }

  @Test func aNewIncidentIsMadeOnceAndFoundAgainByItsReport() throws {
    let (kb, _) = try Support.copy()
    let plan = try Self.run(.new(name: "Bot  network\ntakedown"), into: kb, reference: "https://example.org/takedown")
    #expect(plan.incidents.map(\.state) == [.created] && plan.incidents.map(\.id.string) == ["I00906"])
    let page = try Support.page("incidents/I00906.md", in: kb)
    #expect(page.hasPrefix("# Incident I00906: Bot network takedown\n"))
    #expect(page.contains("* **Imported from:** report:takedown.md#name=Bot network takedown\n"))
    #expect(page.contains("| [https://example.org/takedown](https://example.org/takedown) |  |  |  |  |\n"))
    #expect(!page.contains("| takedown.md |"))
    #expect(page.contains("T0151.008.md) | The campaign ran mainly") && page.contains("<br><br>Posts went to"))
    #expect(page.components(separatedBy: "generated_pages/techniques/").count == 4)
    #expect(try Support.page("incidents_index.md", in: kb).contains("incidents/I00906.md"))
    #expect(try Support.page("techniques/T0132.md", in: kb).contains("[I00906 Bot network takedown]"))
    #expect(try CheckedKnowledgeBase.load(kb.path).count(.error) == 0)
    // Again: the same page, unchanged; with one more sentence, the sentence is added to it.
    let again = try Self.plan(.new(name: "Bot network takedown"), into: kb, reference: "https://example.org/takedown")
    #expect(again.changes.isEmpty && again.incidents.map(\.id.string) == ["I00906"])
    let more = try Self.run(
      .new(name: "Bot network takedown"), Self.uses + [Use(technique: "T0073", sentence: "Voters were chosen.")],
      into: kb, reference: "https://example.org/takedown")
    #expect(more.incidents.map(\.state) == [.updated] && more.incidents.map(\.id.string) == ["I00906"])
    #expect(try Support.page("incidents/I00906.md", in: kb).contains("T0073.md) | Voters were chosen. |"))
    // Another name is another incident.
    let other = try Self.plan(.new(name: "Another takedown"), into: kb)
    #expect(other.incidents.map(\.id.string) == ["I00907"] && other.incidents.map(\.state) == [.created])
  }

  @Test func whatCannotBeWrittenIsRefusedBeforeAnythingIsPlanned() throws {
    let (kb, _) = try Support.copy()
    #expect(throws: EditRefusal.self) { try Self.plan(.existing("I00999"), into: kb) }
    #expect(throws: EditRefusal.self) { try Self.plan(.existing("T0002"), into: kb) }
    #expect(throws: EditRefusal.self) { try Self.plan(.new(name: " \n "), into: kb) }
    #expect(throws: EditRefusal.self) {
      try Self.plan(.new(name: String(repeating: "x", count: 301)), into: kb)
    }
    #expect(throws: EditRefusal.self) {
      try Self.plan(.existing("I00901"), [Use(technique: "TA01", sentence: "A tactic.")], into: kb)
    }
    #expect(throws: EditRefusal.self) { try Self.plan(.existing("I00901"), into: kb, reference: "file:///etc/passwd") }
    #expect(throws: EditRefusal.self) { try Self.plan(.existing("I00901"), into: kb.appendingPathComponent("nope")) }
  }
}
