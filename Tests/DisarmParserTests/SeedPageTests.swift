import DisarmFramework
import Foundation
import Testing

@testable import DisarmParser

/// The two pages the project started from (`../shared/seeds/`): one per technique template.
@Suite(.enabled(if: SharedFiles.seedsAvailable, "../shared/seeds is absent: seed page tests skipped"))
struct SeedPageTests {
  @Test func seed2024TemplateParsesAsTechnique() throws {
    let bytes = try SharedFiles.seed("004_d3b7424a158fa33f.txt")
    let page = PageParser.parse(
      path: "techniques/T0151.005.md", kind: .technique, bytes: bytes, framework: BuiltInFrameworks.standard)
    #expect(page.template == .bulleted2022)
    #expect(page.heading?.identifier?.text == "T0151.005")
    #expect(page.heading?.name?.text == "Chat Community Server")
    #expect(page.fields.map(\.key) == ["summary", "belongs to tactic stage"])
    #expect(page.field("summary")?.value.text.hasPrefix("Chat Platforms such as Discord, Slack") == true)
    #expect(page.field("belongs to tactic stage")?.value.text == "TA07")
    let incidents = try #require(page.table(firstColumn: "Incident"))
    #expect(incidents.rows.count == 1)
    #expect(incidents.rows[0].links.first?.targetFileStem == "I00122")
    #expect(page.table(firstColumn: "Counters")?.rows.isEmpty == true)
    #expect(page.notes?.tail == Array(Notes.marker.utf8))
    #expect(page.heading != nil && page.notes != nil && page.file.firstInvalidUTF8Offset == nil)
    #expect(page.references.contains { $0.code.text == "T0151.004" && $0.name?.text == "Chat Platform" })
  }

  @Test func seed2025TemplateParsesAsTechnique() throws {
    let bytes = try SharedFiles.seed("000_31d23ce576c6cf40.txt")
    let page = PageParser.parse(
      path: "techniques/T0151.008.md", kind: .technique, bytes: bytes, framework: BuiltInFrameworks.standard)
    #expect(page.template == .plain2025)
    #expect(page.heading?.name?.text == "Microblogging Platform")
    #expect(page.fields.map(\.key) == ["summary", "tactic", "parent technique"])
    #expect(page.field("tactic")?.value.trimmed == "TA07 Select Channels and Affordances")
    #expect(page.field("parent technique")?.value.text == "T0151 Digital Community Hosting Asset")
    #expect(page.table(firstColumn: "Associated Technique")?.rows.isEmpty == true)
    let incidents = try #require(page.table(firstColumn: "Incident"))
    #expect(incidents.rows.compactMap { $0.links.first?.targetFileStem } == ["I00097", "I00113", "I00120", "I00125"])
    #expect(page.heading != nil && page.notes != nil && page.file.firstInvalidUTF8Offset == nil)
  }
}
