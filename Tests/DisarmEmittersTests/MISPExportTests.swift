import DisarmBrowsing
import DisarmDiagnostics
import DisarmExports
import DisarmLint
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmTestSupport
import Foundation
import Testing

/// `disarm export misp`: the UUID scheme against the MISP project's published DISARM galaxies, the files for the
/// sample knowledge base against reviewed golden copies, relations in both directions, unique values.
@Suite struct MISPExportTests {
  static func sample() throws -> KnowledgeBase {
    try KnowledgeBaseLoader.load(from: TestSupport.sampleData.path)
  }

  static func corpus(_ name: String) throws -> KnowledgeBase {
    try KnowledgeBaseLoader.load(from: Corpus.release(name).path)
  }

  /// Value UUIDs as the MISP project publishes them in `clusters/disarm-*.json` of `MISP/misp-galaxy`: techniques
  /// and counters at commit a04abc9505d80e904f1e4808aa01dd051421d28b, actor types at
  /// ad9f4ee48d1e1113d1d264d8d7b8d5542e59ba82, detections at 2b12224aa962980ec539e5461ad15c681f50dda7.
  /// They are UUIDv5(9d6bd9d2-2cd3-4900-b61a-06cd64df3996, ID).
  @Test(arguments: [
    ("T0002", "782afafa-e997-571a-9b25-d04bb322480c"), ("T0003", "689e65f1-d834-581a-adf2-4e8a96d32464"),
    ("T0009.001", "4c721f5a-101e-5b5e-b260-7b08b92eac83"), ("T0014.002", "dc89eee0-bf5e-51f0-957d-0e9e8a2cceff"),
    ("C00006", "0aa00b22-361f-5e5b-ac46-901cf6d2dfcc"), ("C00008", "26781c01-b62d-5091-99f4-047e4a0e825e"),
    ("C00030", "eededb33-c7f5-5c1b-bacd-924af3b6e332"), ("A001", "03aaf19c-42b9-5b8e-9d47-a6bb291f10fa"),
    ("A007", "997129f2-3afb-5d5e-9b67-d864c9721676"), ("F00001", "75e69ae8-aa72-5649-9a7a-6c21caa81cc6"),
    ("F00020", "187285bb-a282-5a6a-833e-01d9744165c4"),
  ])
  func valueUUIDsAreMISPs(id: String, published: String) throws {
    let id = try #require(DisarmID(id))
    #expect(MISPIdentifiers.value(id).description == published)
  }

  /// Galaxy UUIDs from `galaxies/disarm-*.json` and cluster UUIDs from `clusters/disarm-*.json` of MISP/misp-galaxy.
  @Test func galaxyAndClusterUUIDsAreMISPs() {
    let galaxies: [MISPGalaxy: String] = [
      .techniques: "a90f2bb6-11e1-58a7-9962-ba37886720ec", .countermeasures: "9a3ac024-7c65-5ac0-87c4-eaed2238eec8",
      .detections: "bb61e6f3-b2bd-5c7d-929c-b6f292ccc56a", .actortypes: "1658af88-b847-532d-adc9-efaea8604f14",
    ]
    let clusters: [MISPGalaxy: String] = [
      .techniques: "fb0e6978-2647-5a95-8324-7ebfd2f88b67", .countermeasures: "75e907ad-1b8d-5288-a9e9-1b18627b3265",
      .detections: "98e0cf8c-baee-5b01-aca3-dd94a894aee3", .actortypes: "f1cb3e2f-f760-54a1-a3aa-a4f0fc342750",
    ]
    let kb = try! Self.sample()
    for galaxy in MISPGalaxy.allCases {
      #expect(MISPIdentifiers.galaxy(galaxy).description == galaxies[galaxy], "galaxy \(galaxy)")
      #expect(MISPIdentifiers.cluster(galaxy).description == clusters[galaxy], "cluster \(galaxy)")
      // A DISARM 1.x knowledge base keeps MISP's own names and UUIDs.
      #expect(MISPIdentifiers.galaxy(galaxy, in: kb).description == galaxies[galaxy], "galaxy \(galaxy) of data/")
      #expect(MISPIdentifiers.cluster(galaxy, in: kb).description == clusters[galaxy], "cluster \(galaxy) of data/")
      #expect(galaxy.type(in: kb) == galaxy.type && galaxy.name(in: kb) == galaxy.name)
    }
  }

  @Test func sampleExportMatchesGolden() throws {
    let files = MISPExport.files(for: try Self.sample())
    #expect(
      files.map(\.path) == MISPGalaxy.allCases.map(\.type).sorted().map { "clusters/\($0).json" }
        + MISPGalaxy.allCases.map(\.type).sorted().map { "galaxies/\($0).json" })
    for file in files { try EmitterFixtures.golden.check(file.bytes, against: "Exports/misp/\(file.path)") }
  }

  @Test func exportingTwiceGivesIdenticalBytes() throws {
    #expect(MISPExport.files(for: try Self.sample()) == MISPExport.files(for: try Self.sample()))
  }

  @Test func relationsAreWrittenFromBothEnds() throws {
    let values = try Self.values(MISPExport.files(for: try Self.sample()))
    var edges = Set<String>()
    for (uuid, value) in values {
      for entry in value["related"] as? [[String: String]] ?? [] {
        edges.insert("\(uuid) \(entry["type"]!) \(entry["dest-uuid"]!)")
      }
    }
    let inverse = ["blocks": "blocked-by", "blocked-by": "blocks", "affects": "affected-by", "affected-by": "affects"]
    #expect(edges.count >= 8)
    for edge in edges {
      let parts = edge.split(separator: " ").map(String.init)
      let type = try #require(inverse[parts[1]], "unexpected relation \(parts[1])")
      #expect(edges.contains("\(parts[2]) \(type) \(parts[0])"), "\(edge) has no inverse")
    }
  }

  @Test func techniqueValueCarriesKillChainRefsAndCounters() throws {
    let values = try Self.values(MISPExport.files(for: try Self.sample()))
    let t0002 = try #require(values["782afafa-e997-571a-9b25-d04bb322480c"])
    let meta = try #require(t0002["meta"] as? [String: Any])
    #expect(meta["external_id"] as? String == "T0002")
    #expect(meta["kill_chain"] as? [String] == ["tactics:Plan Objectives"])
    #expect(
      meta["refs"] as? [String]
        == ["https://github.com/DISARMFoundation/DISARMframeworks/blob/main/generated_pages/techniques/T0002.md"])
    let related = try #require(t0002["related"] as? [[String: String]])
    #expect(related.contains(["dest-uuid": "eededb33-c7f5-5c1b-bacd-924af3b6e332", "type": "blocked-by"]))
  }

  @Test func optionsSetVersionAndRefs() throws {
    let options = MISPExport.Options(version: 7, refsBase: "https://example.org/kb/")
    let galaxy = try Self.json(JSONWriter.write(MISPExport.galaxy(.techniques, try Self.sample(), options)))
    #expect(galaxy["version"] as? Int == 7)
    #expect(galaxy["namespace"] as? String == "disarm")
    let cluster = try Self.json(JSONWriter.write(MISPExport.cluster(.detections, try Self.sample(), options)))
    #expect(cluster["version"] as? Int == 7)
    let first = try #require((cluster["values"] as? [[String: Any]])?.first)
    #expect((first["meta"] as? [String: Any])?["refs"] as? [String] == ["https://example.org/kb/detections_index.md"])
  }

  @Test func objectsWithOneNameAreDisambiguatedNotDropped() {
    func object(_ id: String, _ name: String) -> DisarmObject {
      DisarmObject(id: DisarmID(id)!, name: name, summary: nil, fields: [], file: "x.md", line: 1, page: nil)
    }
    let names = MISPValueNames.names(for: [
      object("C00107", "Content moderation"), object("C00122", "content  Moderation"), object("C00200", "Other"),
      object("C00201", ""), object("C00202", "Other - C00203"), object("C00203", "Other"),
    ])
    #expect(names[DisarmID("C00107")!] == "Content moderation - C00107")
    #expect(names[DisarmID("C00122")!] == "content  Moderation - C00122")
    #expect(names[DisarmID("C00200")!] == "Other - C00200")
    #expect(names[DisarmID("C00201")!] == "C00201")
    #expect(Set(names.values.map(MISPValueNames.key)).count == 6)
  }

  @Test func descriptionsTurnLineBreakTagsIntoNewlines() throws {
    let values = try Self.values(MISPExport.files(for: try Self.sample()))
    let descriptions = values.values.compactMap { $0["description"] as? String }
    #expect(descriptions.contains { $0.contains("\n\n") })
    #expect(!descriptions.contains { $0.lowercased().contains("<br") })
  }

  /// The 2025-02-10 release against MISP's published cluster: T0002's counters are the same five, with the same
  /// UUIDs (`related` of T0002 in clusters/disarm-techniques.json at a04abc9505d80e904f1e4808aa01dd051421d28b).
  @Test(.enabled(if: Corpus.available, "../shared/corpus is absent: MISP corpus comparison skipped"))
  func corpusTechniqueMatchesPublishedRelations() throws {
    let values = try Self.values(MISPExport.files(for: try Self.corpus("disarm-2025-02-10")))
    let t0002 = try #require(values["782afafa-e997-571a-9b25-d04bb322480c"])
    #expect(t0002["value"] as? String == "Facilitate State Propaganda")
    let related = try #require(t0002["related"] as? [[String: String]])
    #expect(
      related.map { $0["dest-uuid"]! } == [
        "559c0ffb-5098-55bd-a173-fbd335bb4ba7", "eededb33-c7f5-5c1b-bacd-924af3b6e332",
        "e6e01a8f-bb6f-5b16-b77d-61f0abbc84a5", "5f6e9165-2d53-52af-883a-13fff2749308",
        "4fc5ef29-5af2-5630-b57a-4df9844932c1",
      ])
    #expect(Set(related.map { $0["type"]! }) == ["blocked-by"])
  }

  @Test(.enabled(if: Corpus.available, "../shared/corpus is absent: stale-object test skipped"))
  func staleObjectsAreNotExported() throws {
    let kb = try Self.corpus("disarm-2024-11-22")
    let stale = Set(kb.objects.values.filter(\.isStale).map(\.id.string))
    try #require(stale.contains("TA03") && stale.count > 10)
    let files = MISPExport.files(for: kb)
    let exported = try Self.values(files).values.compactMap {
      ($0["meta"] as? [String: Any])?["external_id"] as? String
    }
    #expect(exported.count > 500)
    #expect(stale.isDisjoint(with: exported))
    let galaxy = try Self.json(try #require(files.first { $0.path == "galaxies/disarm-techniques.json" }).bytes)
    let tactics = (galaxy["kill_chain_order"] as? [String: [String]])?["tactics"] ?? []
    // TA03 "Target Audience Analysis" is stale; TA13 of the same name is live and listed once.
    #expect(tactics.count == kb.objects(of: .tactic).filter { !$0.isStale }.count)
    #expect(tactics.count == Set(tactics).count)
  }

  // MARK: - Helpers

  static func json(_ bytes: [UInt8]) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
  }

  /// Every cluster value of `files`, by UUID.
  static func values(_ files: [MISPExport.File]) throws -> [String: [String: Any]] {
    var result: [String: [String: Any]] = [:]
    for file in files where file.path.hasPrefix("clusters/") {
      for value in try json(file.bytes)["values"] as? [[String: Any]] ?? [] {
        result[value["uuid"] as! String] = value
      }
    }
    return result
  }
}
