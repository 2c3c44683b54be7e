import DisarmBrowsing
import DisarmExports
import DisarmLint
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmTestSupport
import Foundation
import Testing

/// The ATT&CK Navigator layer export (`disarm export navigator`) of `data/`: golden layers and their agreement with
/// the STIX export.
@Suite struct NavigatorExportTests {
  static func layer(_ options: NavigatorLayer.Options) throws -> [UInt8] {
    NavigatorLayer.bytes(for: try KnowledgeBaseLoader.load(from: STIXExportTests.data), options: options)
  }

  static let cases: [(String, NavigatorLayer.Options)] = [
    ("data.navigator.json", .init()),
    ("data.navigator-incidents.json", .init(incidents: [DisarmID("I00902")!, DisarmID("I00901")!])),
    ("data.navigator-heatmap.json", .init(scoreByIncidents: true)),
  ]

  @Test(arguments: 0..<3)
  func layerMatchesGolden(index: Int) throws {
    let (name, options) = Self.cases[index]
    try EmitterFixtures.golden.check(try Self.layer(options), against: "Exports/\(name)")
  }

  @Test func exportingTwiceGivesIdenticalBytes() throws {
    let options = NavigatorLayer.Options(incidents: [DisarmID("I00901")!], scoreByIncidents: true)
    #expect(try Self.layer(options) == Self.layer(options))
  }

  @Test func techniquesAreDisarmIDsUnderTheSTIXShortNames() throws {
    let kb = try KnowledgeBaseLoader.load(from: STIXExportTests.data)
    let bytes = NavigatorLayer.bytes(for: kb, options: .init(scoreByIncidents: true))
    let layer = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    #expect((layer["versions"] as? [String: Any])?["layer"] as? String == "4.5")
    #expect(layer["domain"] as? String == "enterprise-attack")
    let techniques = try #require(layer["techniques"] as? [[String: Any]])
    let stix = try STIXExportTests.objects(STIXExportTests.bundle(kb))
    var phaseOf: [String: String] = [:]
    for pattern in stix where pattern["type"] as? String == "attack-pattern" {
      let phase = (pattern["kill_chain_phases"] as? [[String: Any]])?.first?["phase_name"] as? String
      phaseOf[STIXExportTests.externalID(pattern)!] = phase
    }
    #expect(!techniques.isEmpty)
    for technique in techniques {
      let id = try #require(technique["techniqueID"] as? String)
      #expect(phaseOf[id] != nil && technique["tactic"] as? String == phaseOf[id], "\(id)")
    }
    // The heat map's score is the number of incidents using the technique.
    let t0115 = try #require(techniques.first { $0["techniqueID"] as? String == "T0115" })
    let expected = kb.incoming(DisarmID("T0115")!, .usesTechnique).map(\.source).filter { kb[$0]?.isStale == false }
    #expect(t0115["score"] as? Int == Set(expected).count)
  }
}
