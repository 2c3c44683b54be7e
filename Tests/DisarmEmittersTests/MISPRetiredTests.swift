import DisarmDiagnostics
import DisarmExports
import DisarmModel
import DisarmTestSupport
import Foundation
import Testing

/// Retired identifiers in the MISP galaxies (kept, revoked or deprecated) and galaxy versions against a previous
/// export (`disarm export misp --previous DIR`).
@Suite struct MISPRetiredTests {
  static let register = """
    - id: T0099
      name: Old Platform
      retired: v1.6
      reason: Folded into the platform sub-techniques.
      replaced-by: T0151.008
    - id: T0098
      name: Facilitate State Propaganda
      retired: "2024-11-22"
    - id: C00999
      name: Old counter
      retired: v1.6

    """

  static func knowledgeBase(register: String = Self.register) throws -> KnowledgeBase {
    let folder = TemporaryFolder.make("disarm-misp-retired").appendingPathComponent("kb")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: folder)
    try Data(register.utf8).write(to: folder.appendingPathComponent("retired.yml"))
    return try KnowledgeBaseLoader.load(from: folder.path)
  }

  static func values(_ file: MISPExport.File) throws -> [String: [String: Any]] {
    let document = try #require(try JSONSerialization.jsonObject(with: Data(file.bytes)) as? [String: Any])
    let values = try #require(document["values"] as? [[String: Any]])
    return Dictionary(
      uniqueKeysWithValues: values.map { (($0["meta"] as! [String: Any])["external_id"] as! String, $0) })
  }

  @Test func retiredValuesAreKeptRevokedOrDeprecated() throws {
    let kb = try Self.knowledgeBase()
    let files = MISPExport.files(for: kb)
    let techniques = try #require(files.first { $0.path == "clusters/disarm-techniques.json" })
    try EmitterFixtures.golden.check(techniques.bytes, against: "Exports/misp-retired/clusters/disarm-techniques.json")
    let values = try Self.values(techniques)
    let revoked = try #require(values["T0099"])
    #expect(revoked["revoked"] as? Bool == true)
    let related = try #require(revoked["related"] as? [[String: String]])
    let replacement = try #require(DisarmID("T0151.008"))
    #expect(related == [["dest-uuid": MISPIdentifiers.value(replacement).description, "type": "revoked-by"]])
    let deprecated = try #require(values["T0098"])
    #expect((deprecated["meta"] as? [String: Any])?["deprecated"] as? Bool == true)
    #expect(deprecated["revoked"] == nil)
    // Its name is a live technique's (T0002): written with its identifier, as MISP wants every value unique.
    #expect(deprecated["value"] as? String == "Facilitate State Propaganda - T0098")
    let counters = try Self.values(try #require(files.first { $0.path == "clusters/disarm-countermeasures.json" }))
    #expect((counters["C00999"]?["meta"] as? [String: Any])?["deprecated"] as? Bool == true)
    // Retired values have no kill chain: MISP's matrix leaves them out.
    #expect((revoked["meta"] as? [String: Any])?["kill_chain"] == nil)
  }

  @Test func versionsGrowOnlyWhenContentChanged() throws {
    let before = MISPExport.files(for: try KnowledgeBaseLoader.load(from: TestSupport.sampleData.path))
    var previous: [String: JSONValue] = [:]
    for file in before { previous[file.path] = try JSONParser.parse(file.bytes) }
    let after = MISPExport.files(
      for: try Self.knowledgeBase(), options: .init(previous: MISPPreviousExport(files: previous)))
    for file in after {
      let version = try JSONParser.parse(file.bytes)["version"]?.intValue
      let grew = file.path.hasSuffix("disarm-techniques.json") || file.path.hasSuffix("disarm-countermeasures.json")
      #expect(version == (grew ? 2 : 1), "\(file.path)")
    }
    // Against itself, nothing moves.
    var same: [String: JSONValue] = [:]
    for file in after { same[file.path] = try JSONParser.parse(file.bytes) }
    let again = MISPExport.files(
      for: try Self.knowledgeBase(), options: .init(previous: MISPPreviousExport(files: same)))
    #expect(again == after)
    #expect(
      MISPExport.versionSummary(after, previous: MISPPreviousExport(files: previous)).contains(
        "disarm-techniques 1 -> 2"))
  }

  @Test func aPreviousExportThatIsNotOneIsAnError() throws {
    let folder = TemporaryFolder.make("disarm-misp-previous")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("clusters"), withIntermediateDirectories: true)
    try Data("{\"version\": \"one\"}".utf8).write(to: folder.appendingPathComponent("clusters/disarm-techniques.json"))
    #expect {
      try MISPPreviousExport.read(folder: folder.path, paths: ["clusters/disarm-techniques.json"])
    } throws: { error in
      "\(error)".contains("clusters/disarm-techniques.json:1:1: a MISP galaxy or cluster needs an integer 'version'")
    }
    try Data("{\"version\": 1,".utf8).write(to: folder.appendingPathComponent("clusters/disarm-techniques.json"))
    #expect {
      try MISPPreviousExport.read(folder: folder.path, paths: ["clusters/disarm-techniques.json"])
    } throws: { error in "\(error)".contains("disarm-techniques.json:1:15: not readable as JSON") }
    #expect(throws: ExportInputError.self) {
      try MISPPreviousExport.read(folder: folder.appendingPathComponent("nothing").path, paths: [])
    }
  }
}
