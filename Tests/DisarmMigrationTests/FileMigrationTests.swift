import DisarmDiagnostics
import Foundation
import Testing

@testable import DisarmMigration

/// Each format migrated in place: what must change changes, every other byte stays.
@Suite struct FileMigrationTests {
  static let layer = """
    {
      "name": "Our layer",
      "versions": {"layer": "4.5", "navigator": "5.1.0"},
      "domain": "DISARM",
      "techniques": [
        {"techniqueID": "T0001", "tactic": "first-tactic", "score": 1, "comment": "one"},
        {"techniqueID": "T0002", "tactic": "first-tactic", "score": 2},
        {"techniqueID": "T0003", "tactic": "first-tactic", "score": 3, "color": "#ff0000"},
        {"techniqueID": "T0007", "tactic": "first-tactic", "score": 4, "comment": "seven",
         "metadata": [{"name": "seen", "value": "2024"}]},
        {"techniqueID": "T0004", "tactic": "first-tactic", "score": 9, "comment": "four",
         "metadata": [{"name": "seen", "value": "2023"}]},
        {"techniqueID": "T0005", "tactic": "first-tactic", "score": 5},
        {"techniqueID": "T0006", "tactic": "first-tactic", "score": 6}
      ],
      "gradient": {"colors": ["#ffffff", "#ff6666"],   "minValue": 0, "maxValue": 9}
    }

    """

  @Test func aLayerIsMigratedAndTwoEntriesThatLandOnOneTechniqueAreMerged() throws {
    let mapping = try MigrationFixtures.mapping()
    let file = try MigrationFixtures.migrate(Self.layer, name: "layer.json", mapping: mapping)
    #expect(file.format == .navigator)
    let text = String(decoding: file.migrated, as: UTF8.self)
    // The rest of the layer is kept byte for byte: its odd spacing included.
    #expect(text.contains(##""gradient": {"colors": ["#ffffff", "#ff6666"],   "minValue": 0, "maxValue": 9}"##))
    #expect(text.hasPrefix("{\n  \"name\": \"Our layer\",\n  \"versions\""))
    let json = try JSONParser.parse(file.migrated)
    let entries = try #require(json["techniques"]?.arrayValue)
    #expect(entries.map { $0["techniqueID"]?.stringValue } == ["T0001", "T0002", "T0003", "T0007", "T0005", "T0006"])
    #expect(entries[2]["tactic"]?.stringValue == "second-tactic")
    #expect(entries[3]["comment"]?.stringValue == "seven\nfour")
    #expect(entries[3]["score"]?.intValue == 9)
    #expect(entries[3]["metadata"]?.arrayValue?.count == 2)
    #expect(entries[4]["techniqueID"]?.stringValue == "T0005")
    let changes = file.items.map { "\($0.place) \($0.change.rawValue) \($0.old)" }
    #expect(
      changes == [
        "/techniques/1/techniqueID renamed T0002", "/techniques/2/tactic moved T0003",
        "/techniques/4/techniqueID replaced T0004", "/techniques/4 merged T0004",
        "/techniques/5/techniqueID review T0005", "/techniques/6/techniqueID review T0006",
      ])
    #expect(file.identifiers == 7)
    #expect(file.unchanged == 2)
  }

  @Test func aLayerThatNeedsNothingIsByteIdentical() throws {
    let mapping = try MigrationFixtures.mapping()
    let layer = #"{"techniques": [ {"techniqueID": "T0001", "tactic": "first-tactic"} ], "domain": "x"}"#
    let file = try MigrationFixtures.migrate(layer, name: "l.json", mapping: mapping)
    #expect(file.migrated == Array(layer.utf8))
    #expect(file.items.isEmpty)
  }

  @Test func aSTIXBundleKeepsItsIdsAndMergesWhatLandsOnOneTechnique() throws {
    let mapping = try MigrationFixtures.mapping()
    let bundle = """
      {"type": "bundle", "id": "bundle--1", "objects": [
        {"type": "attack-pattern", "id": "attack-pattern--2", "name": "Beta",
         "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": "first-tactic"}],
         "external_references": [{"source_name": "DISARM", "external_id": "T0002",
           "url": "https://example.org/techniques/T0002.md"}]},
        {"type": "attack-pattern", "id": "attack-pattern--3", "name": "Gamma", "x_mitre_id": "T0003",
         "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": "first-tactic"}]},
        {"type": "attack-pattern", "id": "attack-pattern--7", "name": "Eta",
         "external_references": [{"source_name": "mitre-attack", "external_id": "T0007"}]},
        {"type": "attack-pattern", "id": "attack-pattern--4", "name": "Delta",
         "external_references": [{"source_name": "disarm", "external_id": "T0004",
           "url": "https://example.org/techniques/T0004.md"}]},
        {"type": "campaign", "id": "campaign--1", "name": "Our incident"},
        {"type": "relationship", "id": "relationship--1", "relationship_type": "uses",
         "source_ref": "campaign--1", "target_ref": "attack-pattern--4"}
      ]}
      """
    let file = try MigrationFixtures.migrate(bundle, name: "bundle.json", mapping: mapping)
    #expect(file.format == .stix)
    let json = try JSONParser.parse(file.migrated)
    let objects = try #require(json["objects"]?.arrayValue)
    #expect(
      objects.map { $0["id"]?.stringValue ?? "" } == [
        "attack-pattern--2", "attack-pattern--3", "attack-pattern--7", "campaign--1", "relationship--1",
      ])
    #expect(objects[0]["name"]?.stringValue == "Beta Prime")
    #expect(
      objects[0]["external_references"]?.arrayValue?[0]["url"]?.stringValue == "https://example.org/techniques/T0002.md"
    )
    #expect(objects[1]["kill_chain_phases"]?.arrayValue?[0]["phase_name"]?.stringValue == "second-tactic")
    #expect(objects[4]["target_ref"]?.stringValue == "attack-pattern--7")
    #expect(file.items.map(\.change) == [.renamed, .moved, .replaced, .merged])
  }

  @Test func aMISPEventsTagsAndClustersAreRewritten() throws {
    let mapping = try MigrationFixtures.mapping()
    let event = """
      {"Event": {"info": "Our event T0004", "Tag": [
        {"name": "misp-galaxy:disarm-techniques=\\"T0002 - Beta\\""},
        {"name": "misp-galaxy:disarm-techniques=\\"T0007 - Eta\\""},
        {"name": "misp-galaxy:disarm-techniques=\\"T0004 - Delta\\""},
        {"name": "tlp:white"}],
       "Galaxy": [{"type": "disarm-techniques", "GalaxyCluster": [
        {"value": "T0004 - Delta", "tag_name": "misp-galaxy:disarm-techniques=\\"T0004 - Delta\\"",
         "meta": {"external_id": ["T0004"]}}]}]}}
      """
    let file = try MigrationFixtures.migrate(event, name: "event.json", mapping: mapping)
    #expect(file.format == .misp)
    let json = try JSONParser.parse(file.migrated)
    let tags = try #require(json["Event"]?["Tag"]?.arrayValue).compactMap { $0["name"]?.stringValue }
    #expect(
      tags == [
        "misp-galaxy:disarm-techniques=\"T0002 - Beta Prime\"", "misp-galaxy:disarm-techniques=\"T0007 - Eta\"",
        "tlp:white",
      ])
    let cluster = try #require(json["Event"]?["Galaxy"]?.arrayValue?[0]["GalaxyCluster"]?.arrayValue?[0])
    #expect(cluster["value"]?.stringValue == "T0007 - Eta")
    #expect(cluster["meta"]?["external_id"]?.arrayValue?[0].stringValue == "T0007")
    // Free text is not a tag: the event's title keeps what its author wrote.
    #expect(json["Event"]?["info"]?.stringValue == "Our event T0004")
    #expect(file.items.contains { $0.change == .merged && $0.place == "/Event/Tag/2" })
  }

  @Test func aCSVDatasetsHeadersAndCellsAreRewritten() throws {
    let mapping = try MigrationFixtures.mapping()
    let csv = "incident,T0002_Beta,T0004_Delta,T0007_Eta,T0005_Epsilon\nOne,1,0,1,0\nTwo,0,1,0,1\n"
    let file = try MigrationFixtures.migrate(csv, name: "data.csv", mapping: mapping)
    #expect(file.format == .csv)
    #expect(
      String(decoding: file.migrated, as: UTF8.self)
        == "incident,T0002_Beta Prime,T0007_Eta,T0007_Eta,T0005_Epsilon\nOne,1,0,1,0\nTwo,0,1,0,1\n")
    #expect(
      file.items.map { "\($0.place) \($0.change.rawValue)" } == [
        "1:10 renamed", "1:21 replaced", "1:33 merged", "1:43 review",
      ])
  }

  @Test func proseKeepsEverythingButTheCodesAndTheOldNames() throws {
    let mapping = try MigrationFixtures.mapping()
    let text = "We saw T0004: Delta and T0002: Beta, then T0002 again (t0003), TA01, and T0004: Deltas.\n"
    let file = try MigrationFixtures.migrate(text, name: "notes.md", mapping: mapping)
    #expect(
      String(decoding: file.migrated, as: UTF8.self)
        == "We saw T0007: Eta and T0002: Beta Prime, then T0002 again (t0003), TA01, and T0007: Deltas.\n")
    #expect(file.format == .text)
  }

  @Test func malformedJSONIsRefusedWithItsLineAndColumn() throws {
    let mapping = try MigrationFixtures.mapping()
    #expect {
      _ = try MigrationFixtures.migrate("{\n  \"techniques\": [,]\n}", name: "bad.json", mapping: mapping)
    } throws: { error in
      "\(error)".contains("bad.json:2:") && "\(error)".contains("not valid JSON")
    }
    #expect {
      _ = try MigrationFixtures.migrate("{\"hello\": 1}", name: "other.json", mapping: mapping)
    } throws: { error in
      "\(error)".contains("neither an ATT&CK Navigator layer")
    }
  }
}
