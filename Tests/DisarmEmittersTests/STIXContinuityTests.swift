import DisarmDiagnostics
import DisarmExports
import DisarmModel
import DisarmTestSupport
import Foundation
import Testing

/// `--ids-from`: identifiers read from other bundles (untrusted input) and reused for the same DISARM objects.
@Suite struct STIXContinuityTests {
  static let data = TestSupport.sampleData.path

  static func options(_ kb: KnowledgeBase, known: STIXKnownIDs = STIXKnownIDs()) -> STIXBundle.Options {
    STIXBundle.Options(date: STIXDate.newestDateAdded(in: kb), knownIDs: known)
  }

  /// `bytes` (a bundle) with every identifier replaced by a random version-4 UUID of the same type, references
  /// included: what a platform or the DISARM Foundation's generator gives the same objects.
  static func withRandomIDs(_ bytes: [UInt8], seed: UInt64) throws -> (bytes: [UInt8], ids: [String: String]) {
    var random = SeededRandom(seed: seed)
    var mapping: [String: String] = [:]
    let text = String(decoding: bytes, as: UTF8.self)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    let objects = try #require(document["objects"] as? [[String: Any]])
    for object in objects {
      let id = try #require(object["id"] as? String)
      let type = try #require(object["type"] as? String)
      var uuid = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
      uuid[6] = (uuid[6] & 0x0F) | 0x40
      uuid[8] = (uuid[8] & 0x3F) | 0x80
      let hex = uuid.map { String(format: "%02x", $0) }
      let groups = [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }
      mapping[id] = "\(type)--\(groups.joined(separator: "-"))"
    }
    var result = text
    for (old, new) in mapping { result = result.replacingOccurrences(of: old, with: new) }
    return (Array(result.utf8), mapping)
  }

  static func ids(_ bytes: [UInt8]) throws -> [String] {
    let document = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    return try #require(document["objects"] as? [[String: Any]]).compactMap { $0["id"] as? String }
  }

  @Test func everyObjectOfTheGivenBundleKeepsItsIdentifier() throws {
    let kb = try KnowledgeBaseLoader.load(from: Self.data)
    let plain = STIXBundle.bytes(for: kb, options: Self.options(kb))
    let (published, mapping) = try Self.withRandomIDs(plain, seed: 32)
    let known = try STIXKnownIDs([try STIXInputBundle(bytes: published, path: "published.json")])
    let export = STIXBundle.export(for: kb, options: Self.options(kb, known: known))
    let exported = try Self.ids(export.bytes)
    let expected = try Self.ids(plain).map { mapping[$0]! }
    #expect(exported == expected)
    #expect(export.identifiers.allSatisfy { $0.origin == "published.json" })
    #expect(known.count == exported.count)
    // Re-exporting with the export itself as the source changes nothing.
    let again = try STIXKnownIDs([try STIXInputBundle(bytes: export.bytes, path: "export.json")])
    #expect(STIXBundle.bytes(for: kb, options: Self.options(kb, known: again)) == export.bytes)
  }

  @Test func objectsTheBundleLacksKeepTheirNameBasedIdentifier() throws {
    let kb = try KnowledgeBaseLoader.load(from: Self.data)
    let published = """
      {"type": "bundle", "id": "bundle--0f8e6c07-0a8f-4a3c-9f0b-7c2d0c6f1a11", "objects": [
        {"type": "attack-pattern", "id": "attack-pattern--11111111-2222-4333-8444-555555555555",
         "external_references": [{"source_name": "mitre-attack", "external_id": "T0002"}]},
        {"type": "attack-pattern", "id": "attack-pattern--99999999-2222-4333-8444-555555555555", "revoked": true,
         "external_references": [{"source_name": "mitre-attack", "external_id": "T0073"}]},
        {"type": "attack-pattern", "id": "attack-pattern--66666666-2222-4333-8444-555555555555",
         "external_references": [{"source_name": "DISARM", "external_id": "T0073"}]},
        {"type": "intrusion-set", "id": "intrusion-set--77777777-2222-4333-8444-555555555555", "name": "ignored"}
      ]}
      """
    let known = try STIXKnownIDs([try STIXInputBundle(bytes: Array(published.utf8), path: "p.json")])
    let export = STIXBundle.export(for: kb, options: Self.options(kb, known: known))
    let given = Dictionary(uniqueKeysWithValues: export.identifiers.map { ("\($0.type) \($0.name)", $0) })
    #expect(given["attack-pattern T0002"]?.id == "attack-pattern--11111111-2222-4333-8444-555555555555")
    #expect(given["attack-pattern T0002"]?.origin == "p.json")
    // Of a revoked and a live object with the same identifier, the live one's id is kept.
    #expect(given["attack-pattern T0073"]?.id == "attack-pattern--66666666-2222-4333-8444-555555555555")
    let t0085 = try #require(DisarmID("T0085"))
    #expect(given["attack-pattern T0085"]?.id == STIXIdentifiers.id("attack-pattern", for: t0085))
    #expect(given["attack-pattern T0085"]?.origin == nil)
    #expect(STIXIDReport.origins(export.identifiers) == "2 from p.json, \(export.identifiers.count - 2) name-based")
    try EmitterFixtures.golden.check(
      Array(STIXIDReport.table(export.identifiers).utf8), against: "Exports/ids-report.tsv")
  }

  @Test func theLaterBundleWins() throws {
    func bundle(_ id: String) -> STIXInputBundle {
      let text = """
        {"objects": [{"type": "attack-pattern", "id": "\(id)",
          "external_references": [{"source_name": "mitre-attack", "external_id": "T0002"}]}]}
        """
      return try! STIXInputBundle(bytes: Array(text.utf8), path: id)
    }
    let first = "attack-pattern--11111111-2222-4333-8444-555555555555"
    let second = "attack-pattern--22222222-2222-4333-8444-555555555555"
    let known = try STIXKnownIDs([bundle(first), bundle(second)])
    #expect(known.known("attack-pattern", name: "T0002") == .init(id: second, path: second))
  }

  /// Untrusted bundles: each problem is an error with the file, line and column.
  @Test(arguments: [
    ("{\"objects\": [1,", "b.json:1:16: not readable as JSON"),
    ("[]", "b.json:1:1: a STIX bundle must be a JSON object"),
    ("{\"type\": \"bundle\"}", "b.json:1:1: a STIX bundle needs an 'objects' array"),
    ("{\"objects\": [\n  {\"id\": \"x--1\"}]}", "b.json:2:3: object 1 has no 'type'"),
    (
      "{\"objects\": [\n\n   {\"type\": \"attack-pattern\", \"id\": \"attack-pattern--zz\"}]}",
      "b.json:3:4: 'attack-pattern--zz' is not a STIX identifier of type attack-pattern"
    ),
    (
      "{\"objects\": [{\"type\": \"campaign\", \"id\": \"attack-pattern--11111111-2222-4333-8444-555555555555\"}]}",
      "is not a STIX identifier of type campaign"
    ),
    (String(repeating: "[", count: 100), "b.json:1:65: not readable as JSON"),
  ])
  func malformedBundlesAreErrorsWithTheirPlace(text: String, message: String) {
    #expect(throws: ExportInputError.self) { try STIXInputBundle(bytes: Array(text.utf8), path: "b.json") }
    do {
      _ = try STIXInputBundle(bytes: Array(text.utf8), path: "b.json")
    } catch {
      #expect(error.description.contains(message), "\(error.description)")
    }
  }

  @Test func oneIdentifierForTwoObjectsIsAnError() throws {
    let text = """
      {"objects": [
        {"type": "attack-pattern", "id": "attack-pattern--11111111-2222-4333-8444-555555555555",
         "external_references": [{"source_name": "mitre-attack", "external_id": "T0002"}]},
        {"type": "attack-pattern", "id": "attack-pattern--11111111-2222-4333-8444-555555555555",
         "external_references": [{"source_name": "mitre-attack", "external_id": "T0003"}]}]}
      """
    let bundle = try STIXInputBundle(bytes: Array(text.utf8), path: "b.json")
    #expect {
      try STIXKnownIDs([bundle])
    } throws: { error in
      "\(error)".contains("b.json:2:3: attack-pattern--11111111-2222-4333-8444-555555555555 is given to both")
    }
  }

  @Test func identifierShape() {
    #expect(STIXInputBundle.isIdentifier("campaign--0f8e6c07-0a8f-4a3c-9f0b-7c2d0c6f1a11", of: "campaign"))
    #expect(!STIXInputBundle.isIdentifier("campaign--0f8e6c07-0a8f-4a3c-9f0b-7c2d0c6f1a1", of: "campaign"))
    #expect(!STIXInputBundle.isIdentifier("campaign--0f8e6c07x0a8f-4a3c-9f0b-7c2d0c6f1a11", of: "campaign"))
    #expect(!STIXInputBundle.isIdentifier("campaign--0f8e6c07-0a8f-4a3c-9f0b-7c2d0c6f1a1g", of: "campaign"))
    #expect(!STIXInputBundle.isIdentifier("tool--0f8e6c07-0a8f-4a3c-9f0b-7c2d0c6f1a11", of: "campaign"))
  }

  /// The DISARM Foundation's published 2026 bundle: every object of the export is in it, and keeps its id.
  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func theFoundationsBundleOf2026GivesEveryIdentifier() throws {
    let kb = try KnowledgeBaseLoader.load(from: Corpus.release("disarm-2026-07-19").path)
    let path = Corpus.oracles.appendingPathComponent("DISARM-stix-2026-07-20.json").path
    let published = try STIXInputBundle.read(contentsOf: path)
    let export = STIXBundle.export(for: kb, options: Self.options(kb, known: try STIXKnownIDs([published])))
    let publishedIDs = Set(published.objects.map(\.id))
    let exported = try Self.ids(export.bytes)
    #expect(exported.count == 262)
    #expect(exported.allSatisfy { publishedIDs.contains($0) })
    #expect(export.identifiers.allSatisfy { $0.origin == path })
  }
}
