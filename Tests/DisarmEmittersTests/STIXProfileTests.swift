import DisarmDiagnostics
import DisarmExports
import DisarmModel
import DisarmTestSupport
import Foundation
import Testing

/// `--profile opencti|navigator`: what each consumer reads, on golden bundles of `data/`.
@Suite struct STIXProfileTests {
  static func bundle(_ profile: STIXProfile, kb: KnowledgeBase) -> [UInt8] {
    STIXBundle.bytes(
      for: kb,
      options: .init(
        killChain: profile.defaultKillChain, date: STIXDate.newestDateAdded(in: kb), profile: profile))
  }

  static func objects(_ bytes: [UInt8]) throws -> [[String: Any]] {
    let document = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    return try #require(document["objects"] as? [[String: Any]])
  }

  @Test(arguments: [STIXProfile.opencti, .navigator])
  func profileBundlesMatchGolden(profile: STIXProfile) throws {
    let kb = try KnowledgeBaseLoader.load(from: TestSupport.sampleData.path)
    try EmitterFixtures.golden.check(Self.bundle(profile, kb: kb), against: "Exports/data.stix-\(profile).json")
  }

  @Test func theDisarmProfileIsTheExportAsItWas() throws {
    let kb = try KnowledgeBaseLoader.load(from: TestSupport.sampleData.path)
    try EmitterFixtures.golden.check(Self.bundle(.disarm, kb: kb), against: "Exports/data.stix.json")
  }

  /// pycti reads a technique's identifier from `x_mitre_id` (else only from references named `mitre-attack`, …,
  /// `amitt-attack`) and a kill-chain phase's place from its `x_opencti_order`.
  @Test func openCTIReadsIdentifiersAndTacticOrder() throws {
    let kb = try KnowledgeBaseLoader.load(from: TestSupport.sampleData.path)
    let objects = try Self.objects(Self.bundle(.opencti, kb: kb))
    let matrix = try #require(objects.first { $0["type"] as? String == "x-mitre-matrix" })
    let tactics = Dictionary(
      uniqueKeysWithValues: objects.filter { $0["type"] as? String == "x-mitre-tactic" }.map {
        ($0["id"] as! String, $0)
      })
    var order: [String: Int] = [:]
    for (index, ref) in try #require(matrix["tactic_refs"] as? [String]).enumerated() {
      let tactic = try #require(tactics[ref])
      #expect(tactic["x_opencti_order"] as? Int == index + 1)
      order[tactic["x_mitre_shortname"] as! String] = index + 1
    }
    let patterns = objects.filter { $0["type"] as? String == "attack-pattern" }
    #expect(!patterns.isEmpty)
    var byID: [String: [String: Any]] = [:]
    for pattern in patterns {
      let reference = try #require((pattern["external_references"] as? [[String: Any]])?.first)
      #expect(pattern["x_mitre_id"] as? String == reference["external_id"] as? String)
      #expect(reference["source_name"] as? String == "DISARM")
      for phase in try #require(pattern["kill_chain_phases"] as? [[String: Any]]) {
        #expect(phase["kill_chain_name"] as? String == "disarm")
        #expect(phase["x_opencti_order"] as? Int == order[phase["phase_name"] as! String])
      }
      byID[pattern["id"] as! String] = pattern
    }
    let subtechniqueLinks = objects.filter { $0["relationship_type"] as? String == "subtechnique-of" }
    #expect(!subtechniqueLinks.isEmpty)
    for link in subtechniqueLinks {
      let sub = try #require(byID[link["source_ref"] as! String])
      let parent = try #require(byID[link["target_ref"] as! String])
      #expect(
        NSArray(array: sub["kill_chain_phases"] as! [Any]) == NSArray(array: parent["kill_chain_phases"] as! [Any]))
    }
    for counter in objects where counter["type"] as? String == "course-of-action" {
      #expect((counter["x_mitre_id"] as? String)?.hasPrefix("C") == true)
    }
  }

  /// The Navigator keeps, for a domain, the objects whose `x_mitre_domains` name it, reads a matrix's and every
  /// object's identifier from its first reference, and needs kill-chain phases on every technique.
  @Test func theNavigatorGetsDomainsAndPhases() throws {
    let kb = try KnowledgeBaseLoader.load(from: TestSupport.sampleData.path)
    let bytes = STIXBundle.bytes(
      for: kb, options: .init(date: STIXDate.newestDateAdded(in: kb), profile: .navigator, domain: "disarm"))
    for object in try Self.objects(bytes) {
      let type = object["type"] as! String
      guard ["attack-pattern", "x-mitre-tactic", "x-mitre-matrix", "course-of-action", "campaign"].contains(type)
      else { continue }
      #expect(object["x_mitre_domains"] as? [String] == ["disarm"], "\(type)")
      #expect((object["external_references"] as? [[String: Any]])?.first?["external_id"] != nil)
      if type == "attack-pattern" { #expect((object["kill_chain_phases"] as? [Any])?.isEmpty == false) }
      if type == "x-mitre-matrix" {
        #expect((object["external_references"] as? [[String: Any]])?.first?["external_id"] as? String == "disarm")
      }
    }
  }
}

/// The bundle's bytes are written with the objects once (``STIXBundle``'s fast path): the same bytes as the document
/// written whole, for every profile, with and without a collection, on the sample and on every corpus release.
@Suite struct STIXBundleBytesTests {
  static func check(_ kb: KnowledgeBase) {
    for profile in STIXProfile.allCases {
      for collection in [false, true] {
        let options = STIXBundle.Options(
          date: STIXDate.newestDateAdded(in: kb), profile: profile, collection: collection)
        #expect(
          STIXBundle.bytes(for: kb, options: options)
            == JSONWriter.write(STIXBundle.document(for: kb, options: options)), "\(profile) \(collection)")
      }
    }
  }

  @Test func sample() throws { Self.check(try KnowledgeBaseLoader.load(from: TestSupport.sampleData.path)) }

  @Test(.enabled(if: Corpus.available, Corpus.skipMessage), arguments: Corpus.names + ["disarm-2026-07-19"])
  func corpus(name: String) throws {
    Self.check(try KnowledgeBaseLoader.load(from: Corpus.release(name).path))
  }
}
