import DisarmDiagnostics
import DisarmEditing
import DisarmImport
import DisarmLint
import DisarmModel
import DisarmTestSupport
import Foundation
import Testing

/// `disarm import` of incident files into a copy of `data/`: pages made, found again by their source identity,
/// updated in place with their notes, and nothing written while any file has an error.
@Suite struct IncidentImportTests {
  /// A copy of the sample knowledge base and a folder for input files.
  static func copy() throws -> (kb: URL, files: URL) {
    let root = TemporaryFolder.make("disarm-incidents")
    let kb = root.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: kb)
    return (kb, root)
  }

  static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
    let url = folder.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  static func plan(_ files: [String], into kb: URL) throws -> IncidentImport.Plan {
    try IncidentImport.plan(IncidentImport.Request(files: files, into: kb.path).validated())
  }

  @discardableResult
  static func run(_ files: [String], into kb: URL) throws -> IncidentImport.Plan {
    let plan = try plan(files, into: kb)
    _ = try #require(plan.changePlan).verified().write()
    return plan
  }

  static func page(_ path: String, in kb: URL) throws -> String {
    try String(contentsOf: kb.appendingPathComponent(path), encoding: .utf8)
  }

  @Test func aSTIXBundleGivesOnePagePerIncidentWithItsTechniqueRows() throws {
    let (kb, files) = try Self.copy()
    let bundle = try Self.write(IncidentInputs.stixBundle(), "bundle.json", in: files)
    let plan = try Self.run([bundle], into: kb)
    #expect(plan.diagnostics.isEmpty)
    #expect(plan.incidents.map(\.state) == [.created, .created, .created])
    #expect(plan.incidents.map(\.id.string) == ["I00906", "I00907", "I00908"])
    let first = try Self.page("incidents/I00906.md", in: kb)
    #expect(first.hasPrefix("# Incident I00906: Doppelganger clone sites\n"))
    #expect(first.contains("* **Summary:** Cloned news sites<br>spread fabricated articles \\| with bots.\n"))
    #expect(first.contains("* **Year started:** 2022\n"))
    #expect(first.contains("* **Found via:** DISINFOX\n"))
    #expect(first.contains("* **Date added:** 2024-05-02\n"))
    #expect(first.contains("* **Imported from:** stix:intrusion-set--22222222-2222-4222-8222-222222222222\n"))
    #expect(first.contains("| [https://example.org/doppelganger](https://example.org/doppelganger) |"))
    #expect(first.contains("(../../generated_pages/techniques/T0085.001.md) | Bots reposted the cloned articles. |"))
    #expect(first.contains("(../../generated_pages/techniques/T0132.md) | Fabricated articles. |"))
    #expect(first.components(separatedBy: "../../generated_pages/techniques/").count == 3)
    // The report's techniques: the Foundation's STIX id of T0002 and an attack-pattern with `disarm` as source.
    let report = try Self.page("incidents/I00908.md", in: kb)
    #expect(report.contains("techniques/T0002.md) |  |"))
    #expect(report.contains("techniques/T0151.008.md) |  |"))
    // The derived pages: the technique's incident table and the index.
    #expect(try Self.page("techniques/T0085.001.md", in: kb).contains("[I00906 Doppelganger clone sites]"))
    #expect(try Self.page("incidents_index.md", in: kb).contains("incidents/I00908.md"))
    // The knowledge base regenerates to itself: nothing out of date, no error.
    let checked = try CheckedKnowledgeBase.load(kb.path)
    #expect(checked.count(.error) == 0)
    #expect(checked.rendered.pages.allSatisfy { $0.basis == .bytes($0.bytes) })
  }

  @Test func importingTheSameBundleAgainChangesNothing() throws {
    let (kb, files) = try Self.copy()
    let bundle = try Self.write(IncidentInputs.stixBundle(), "bundle.json", in: files)
    try Self.run([bundle], into: kb)
    let again = try Self.plan([bundle], into: kb)
    #expect(again.changes.isEmpty)
    #expect(again.incidents.map(\.state) == [.unchanged, .unchanged, .unchanged])
  }

  @Test func anEditedDescriptionUpdatesTheSamePageAndKeepsItsNotes() throws {
    let (kb, files) = try Self.copy()
    try Self.run([try Self.write(IncidentInputs.stixBundle(), "bundle.json", in: files)], into: kb)
    let path = kb.appendingPathComponent("incidents/I00906.md")
    try (try Self.page("incidents/I00906.md", in: kb) + "\nAnalyst: keep this | note.\n").write(
      to: path, atomically: true, encoding: .utf8)
    let edited = try Self.write(IncidentInputs.stixBundle(description: "Bots reposted hourly."), "b2.json", in: files)
    let plan = try Self.run([edited], into: kb)
    #expect(plan.incidents.map(\.state) == [.updated, .unchanged, .unchanged])
    let page = try Self.page("incidents/I00906.md", in: kb)
    #expect(page.contains("| Bots reposted hourly. |"))
    #expect(!page.contains("Bots reposted the cloned articles."))
    #expect(page.hasSuffix("PLEASE ADD NOTES BELOW\nAnalyst: keep this | note.\n"))
    #expect(try Self.page("techniques/T0085.001.md", in: kb).contains("| Bots reposted hourly. |"))
    #expect(!FileManager.default.fileExists(atPath: kb.appendingPathComponent("incidents/I00909.md").path))
  }

  @Test func aRecordIsMatchedByItsIdentityNotByItsName() throws {
    let (kb, files) = try Self.copy()
    try Self.run([try Self.write(IncidentInputs.stixBundle(), "bundle.json", in: files)], into: kb)
    // Another source's incident with a name a page already has is a new incident.
    let renamed = IncidentInputs.stixBundle().replacingOccurrences(of: "33333333-3333", with: "77777777-3333")
    let plan = try Self.plan([try Self.write(renamed, "other.json", in: files)], into: kb)
    #expect(plan.incidents.map(\.state) == [.unchanged, .created, .unchanged])
    #expect(plan.incidents[1].id.string == "I00909")
  }

  @Test func anUnknownTechniqueIsAnErrorAtItsLineAndColumnAndNothingIsPlanned() throws {
    let (kb, files) = try Self.copy()
    let bundle = try Self.write(IncidentInputs.stixBundle(unknown: true), "bundle.json", in: files)
    let plan = try Self.plan([bundle], into: kb)
    #expect(plan.changePlan == nil)
    let error = try #require(plan.diagnostics.first { $0.severity == .error })
    #expect(error.rule.rawValue == "incident-technique-unknown")
    #expect(error.message.contains("T0999"))
    // The relationship naming it starts at line 32, column 5.
    #expect((error.file, error.line, error.column) == (bundle, 32, 5))
  }

  @Test func aRetiredTechniqueIsReplacedWithAWarningNamingTheReplacement() throws {
    let (kb, files) = try Self.copy()
    try """
    - id: T0999
      name: Old technique
      retired: v1.6
      reason: Merged.
      replaced-by: T0132
    """.write(to: kb.appendingPathComponent("retired.yml"), atomically: true, encoding: .utf8)
    let bundle = try Self.write(IncidentInputs.stixBundle(unknown: true), "bundle.json", in: files)
    let plan = try Self.run([bundle], into: kb)
    let warning = try #require(plan.diagnostics.first)
    #expect(warning.rule.rawValue == "incident-technique-retired")
    #expect(warning.severity == .warning)
    #expect(warning.message.contains("T0999 is retired") && warning.message.contains("T0132"))
    #expect(try Self.page("incidents/I00906.md", in: kb).contains("techniques/T0132.md) | Fabricated articles. |"))
  }

  @Test func aMISPEventGivesAPageAndImportsOnceAndUpdates() throws {
    let (kb, files) = try Self.copy()
    let event = try Self.write(IncidentInputs.mispEvent(), "event.json", in: files)
    let plan = try Self.run([event], into: kb)
    #expect(plan.diagnostics.isEmpty)
    let page = try Self.page("incidents/I00906.md", in: kb)
    #expect(page.hasPrefix("# Incident I00906: Clone sites in MISP\n"))
    #expect(page.contains("* **Summary:** Cloned sites spread articles.\n"))
    #expect(page.contains("* **Found via:** CERT-Example\n"))
    #expect(page.contains("* **Imported from:** misp:event--5c1d0000-0000-4000-8000-000000000001\n"))
    #expect(page.contains("| [https://example.org/misp-report](https://example.org/misp-report) |"))
    #expect(page.contains("techniques/T0085.001.md) | Bots reposted the articles. |"))
    #expect(page.contains("techniques/T0073.md) |  |"))
    #expect(page.contains("techniques/T0151.008.md) |  |"))
    #expect(try Self.plan([event], into: kb).changes.isEmpty)
    let edited = try Self.write(IncidentInputs.mispEvent(description: "Reposted daily."), "e2.json", in: files)
    #expect(try Self.run([edited], into: kb).incidents.map(\.state) == [.updated])
    #expect(try Self.page("incidents/I00906.md", in: kb).contains("techniques/T0085.001.md) | Reposted daily. |"))
  }

  @Test func malformedJSONIsOneErrorAtItsPosition() throws {
    let (kb, files) = try Self.copy()
    let broken = try Self.write("{\"type\": \"bundle\",\n  \"objects\": [1,]\n}", "broken.json", in: files)
    let plan = try Self.plan([broken], into: kb)
    #expect(plan.changePlan == nil)
    let error = try #require(plan.diagnostics.first)
    #expect(error.rule.rawValue == "incident-input-malformed")
    #expect((error.line, error.column) == (2, 17))
  }
}
