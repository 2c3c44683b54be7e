import DisarmImport
import DisarmLint
import DisarmTestSupport
import Foundation
import Testing

/// Countries from STIX `location` objects: the page's `Countries` field as DISARM's incident pages write it,
/// `ATTRIBUTED , FOUND IN` (`Russia , France`, `Belarus , Lithuania, Latvia, Poland`, ` , Qatar`).
@Suite struct IncidentCountriesTests {
  typealias Support = IncidentImportTests

  static func location(_ id: Int, _ members: String) -> String {
    """
    {"type": "location", "spec_version": "2.1", "id": "location--00000000-0000-4000-8000-00000000000\(id)", \(members)}
    """
  }

  static func relationship(_ id: Int, _ type: String, from source: String, to location: Int) -> String {
    """
    {"type": "relationship", "spec_version": "2.1", "id": "relationship--00000000-0000-4000-9000-00000000000\(id)",
     "relationship_type": "\(type)", "source_ref": "\(source)",
     "target_ref": "location--00000000-0000-4000-8000-00000000000\(location)"}
    """
  }

  static let campaign = "campaign--33333333-3333-4333-8333-333333333333"
  static let intrusionSet = "intrusion-set--22222222-2222-4222-8222-222222222222"

  /// A campaign that originates from a location given by its ISO code alone and targets two (one of them twice, once
  /// as `located-at`); an intrusion-set labelled incident that only targets one; a report whose `object_refs` hold a
  /// location; a location of coordinates only, which names no country.
  static func bundle(target: String = "France") -> String {
    let objects = [
      location(1, "\"country\": \"ru\""),
      location(2, "\"name\": \"\(target)\", \"country\": \"FR\""),
      location(3, "\"name\": \"Germany\", \"country\": \"DE\""),
      location(4, "\"name\": \"Qatar\", \"country\": \"QA\""),
      location(5, "\"latitude\": 48.8, \"longitude\": 2.3"),
      location(6, "\"region\": \"eastern-europe\""),
      """
      {"type": "campaign", "spec_version": "2.1", "id": "\(campaign)", "name": "Hashtag flooding before an election"}
      """,
      """
      {"type": "intrusion-set", "spec_version": "2.1", "id": "\(intrusionSet)", "name": "Doppelganger clone sites",
       "labels": ["incident"]}
      """,
      """
      {"type": "report", "spec_version": "2.1", "id": "report--44444444-4444-4444-8444-444444444444",
       "name": "Fake fact-checkers", "published": "2024-07-01T00:00:00.000Z",
       "object_refs": ["location--00000000-0000-4000-8000-000000000006",
                       "location--00000000-0000-4000-8000-000000000005"]}
      """,
      """
      {"type": "campaign", "spec_version": "2.1", "id": "campaign--77777777-3333-4333-8333-333333333333",
       "name": "Somewhere on a map"}
      """,
      relationship(1, "originates-from", from: campaign, to: 1),
      relationship(2, "targets", from: campaign, to: 2),
      relationship(3, "located-at", from: campaign, to: 3),
      relationship(4, "targets", from: campaign, to: 2),
      relationship(5, "targets", from: intrusionSet, to: 4),
      relationship(6, "targets", from: "campaign--77777777-3333-4333-8333-333333333333", to: 5),
      relationship(7, "related-to", from: intrusionSet, to: 3),
    ]
    return "{\"type\": \"bundle\", \"id\": \"bundle--66666666-6666-4666-8666-666666666666\", \"objects\": [\n"
      + objects.joined(separator: ",\n") + "\n]}"
  }

  @Test func locationsGiveTheCountriesFieldAsTheReleaseWritesIt() throws {
    let (kb, files) = try Support.copy()
    let bundle = try Support.write(Self.bundle(), "bundle.json", in: files)
    let plan = try Support.run([bundle], into: kb)
    #expect(plan.diagnostics.isEmpty)
    #expect(plan.incidents.map(\.id.string) == ["I00906", "I00907", "I00908", "I00909"])
    let pages = try plan.incidents.map { try Support.page($0.path, in: kb) }
    let byName = Dictionary(uniqueKeysWithValues: zip(plan.incidents.map(\.name), pages))
    // `ru` alone is written as the region's English name; the repeated target once; `located-at` where it was seen.
    #expect(
      byName["Hashtag flooding before an election"]?.contains("* **Countries:** Russia , France, Germany\n") == true)
    // No actor named: the release's ` , Qatar`, trimmed as every cell is.
    #expect(byName["Doppelganger clone sites"]?.contains("* **Countries:** , Qatar\n") == true)
    // A report's object_refs: a region by its value; coordinates name nothing.
    #expect(byName["Fake fact-checkers"]?.contains("* **Countries:** , eastern-europe\n") == true)
    #expect(byName["Somewhere on a map"]?.contains("* **Countries:** \n") == true)
    #expect(try CheckedKnowledgeBase.load(kb.path).count(.error) == 0)
    // Again: nothing changes. A changed location updates the same page.
    let again = try Support.plan([bundle], into: kb)
    #expect(again.changes.isEmpty && again.incidents.allSatisfy { $0.state == .unchanged })
    _ = try Support.write(Self.bundle(target: "Belgium"), "bundle.json", in: files)
    let moved = try Support.run([bundle], into: kb)
    #expect(moved.incidents.map(\.state) == [.updated, .unchanged, .unchanged, .unchanged])
    let page = try Support.page(moved.incidents[0].path, in: kb)
    #expect(page.contains("* **Countries:** Russia , Belgium, Germany\n"))
  }

  @Test func aLocationIsNamedByNameElseByItsCountryCodeElseByRegion() {
    #expect(IncidentCountries.name(ofLocation: "USA", country: "US", region: nil) == "USA")
    #expect(IncidentCountries.name(ofLocation: nil, country: "gb", region: "europe") == "United Kingdom")
    #expect(IncidentCountries.name(ofLocation: "  ", country: "XQ", region: nil) == "XQ")
    #expect(IncidentCountries.name(ofLocation: nil, country: nil, region: "northern-africa") == "northern-africa")
    #expect(IncidentCountries.name(ofLocation: nil, country: nil, region: nil) == nil)
    #expect(
      IncidentCountries.field(attributed: ["Russia", "UK"], foundIn: ["Lithuania", "Latvia", "lithuania"])
        == "Russia,UK , Lithuania, Latvia")
    #expect(IncidentCountries.field(attributed: [], foundIn: []) == nil)
  }
}
