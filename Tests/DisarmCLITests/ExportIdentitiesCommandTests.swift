import DisarmTestSupport
import Foundation
import Testing

/// Identities that last, end to end (issue 32): `disarm export stix --ids-from`, `--previous`, `--profile`, and
/// `disarm export misp --previous` with retired identifiers, checked with the ecosystem's tools
/// (`scripts/check-stix.py`: the OASIS validator, mitreattack-python; MISP's schemas and CI checks).
@Suite struct ExportIdentitiesCommandTests {
  static let checker = ExportSTIXCommandTests.checker
  static let pythonTools = ExportSTIXCommandTests.pythonToolsAvailable
  static let pythonSkip = ExportSTIXCommandTests.pythonSkip

  static func check(_ arguments: [String]) throws -> ExternalTool.Result {
    try ExternalTool.run(["python3", checker] + arguments)
  }

  /// A copy of the 2024-11-22 release with the register of three techniques it dropped since 2024-03-13.
  static func laterReleaseWithRegister(in folder: URL) throws -> URL {
    let kb = folder.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: Corpus.release("disarm-2024-11-22"), to: kb)
    let pages = kb.appendingPathComponent("generated_pages")
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: pages.path)
    try Data(ConsecutiveReleases.register.utf8).write(to: pages.appendingPathComponent("retired.yml"))
    return kb
  }

  /// The Foundation's published 2026 bundle: every object in both has its id; valid; loads in MitreAttackData.
  @Test(.enabled(if: Corpus.available, Corpus.skipMessage), .enabled(if: pythonTools, pythonSkip))
  func idsFromTheFoundationsBundle() throws {
    let folder = TemporaryFolder.make("disarm-ids")
    let bundle = folder.appendingPathComponent("out.json")
    let report = folder.appendingPathComponent("ids.tsv")
    let published = Corpus.oracles.appendingPathComponent("DISARM-stix-2026-07-20.json").path
    let kb = Corpus.release("disarm-2026-07-19").path
    let export = try DisarmProcess.run([
      "export", "stix", kb, "--ids-from", published, "-o", bundle.path, "--ids-report", report.path,
    ])
    #expect(export.status == 0, "\(export.stderr)")
    #expect(export.stderr.contains("disarm: ids: 262 from \(published), 0 name-based"), "\(export.stderr)")
    let same = try Self.check(["same-ids", bundle.path, published])
    #expect(same.status == 0 && same.output.contains("262 in both, 262 with the same STIX id, 0 different"))
    let valid = try Self.check(["stix", bundle.path, "--kb", kb, "--disarm", DisarmProcess.binary.path])
    #expect(valid.status == 0 && valid.output.contains("valid; 0 errors"), "\(valid.output)")
    #expect(valid.output.contains("6 tactics, 140 techniques by tactic: same as disarm list"), "\(valid.output)")
    let table = try String(contentsOf: report, encoding: .utf8)
    #expect(table.hasPrefix("type\tname\tid\torigin\n") && table.split(separator: "\n").count == 263)
  }

  /// An older release, with a bundle made from it with random ids (as the Foundation's generator gives them).
  @Test(.enabled(if: Corpus.available, Corpus.skipMessage), .enabled(if: pythonTools, pythonSkip))
  func idsFromARandomIDBundleOfAnOlderRelease() throws {
    let folder = TemporaryFolder.make("disarm-ids")
    let kb = Corpus.release("disarm-2025-02-10").path
    let plain = try DisarmProcess.run(["export", "stix", kb])
    #expect(plain.status == 0)
    let published = folder.appendingPathComponent("published.json")
    let randomized = try STIXRandomIDs.rewrite(Array(plain.stdout.utf8), seed: 2025)
    try Data(randomized).write(to: published)
    let bundle = folder.appendingPathComponent("out.json")
    let export = try DisarmProcess.run(["export", "stix", kb, "--ids-from", published.path, "-o", bundle.path])
    #expect(export.status == 0, "\(export.stderr)")
    let same = try Self.check(["same-ids", bundle.path, published.path])
    #expect(same.status == 0 && same.output.contains(" 0 different"), "\(same.output)")
    let valid = try Self.check(["stix", bundle.path, "--kb", kb, "--disarm", DisarmProcess.binary.path])
    #expect(valid.status == 0 && valid.output.contains("same as disarm list"), "\(valid.output)")
  }

  /// Two consecutive releases: unchanged techniques keep id, modified and version; changed ones get a new version;
  /// the three with a register entry are revoked or deprecated; the collection lists exactly the release's objects
  /// and mitreattack-python's CollectionToIndex reads its version.
  @Test(.enabled(if: Corpus.available, Corpus.skipMessage), .enabled(if: pythonTools, pythonSkip))
  func consecutiveReleasesWithPrevious() throws {
    let folder = TemporaryFolder.make("disarm-ids")
    let first = folder.appendingPathComponent("2024-03-13.json")
    let second = folder.appendingPathComponent("2024-11-22.json")
    let old = try DisarmProcess.run([
      "export", "stix", Corpus.release("disarm-2024-03-13").path, "--collection", "--date", "2024-03-13", "-o",
      first.path,
    ])
    #expect(old.status == 0, "\(old.stderr)")
    let kb = try Self.laterReleaseWithRegister(in: folder)
    let new = try DisarmProcess.run([
      "export", "stix", kb.path, "--previous", first.path, "--date", "2024-11-22", "-o", second.path,
    ])
    #expect(new.status == 0, "\(new.stderr)")
    #expect(new.stderr.contains("627 new, 142 no longer exported; collection version 2.0"), "\(new.stderr)")
    let versions = try Self.check(["versions", first.path, second.path])
    #expect(versions.status == 0, "\(versions.output)")
    #expect(versions.output.contains("changed technique 13") && versions.output.contains("unchanged technique 248"))
    let retired = try Self.check(["retired", second.path])
    #expect(retired.output.contains("retired techniques: T0007 T0009 T0090.001\n"), "\(retired.output)")
    let collection = try Self.check(["collection", second.path])
    #expect(collection.status == 0 && collection.output.contains("version 2.0"), "\(collection.output)")
    #expect(collection.output.contains("exactly the same"), "\(collection.output)")
    let valid = try Self.check(["stix", second.path, "--kb", kb.path, "--disarm", DisarmProcess.binary.path])
    #expect(valid.status == 0 && valid.output.contains("valid; 0 errors"), "\(valid.output)")
    // Once more with nothing changed: the same bytes, the same version.
    let third = folder.appendingPathComponent("again.json")
    let again = try DisarmProcess.run([
      "export", "stix", kb.path, "--previous", second.path, "--date", "2024-12-01", "-o", third.path,
    ])
    #expect(again.status == 0 && again.stderr.contains("0 changed, 0 new, 0 no longer exported"), "\(again.stderr)")
    #expect(try Data(contentsOf: third) == Data(contentsOf: second))
  }

  /// MISP galaxies of the later release with retired identifiers: valid under MISP's schemas and CI checks, the
  /// retired values kept revoked or deprecated, versions higher than the previous export's where content changed.
  @Test(
    .enabled(if: Corpus.available, Corpus.skipMessage),
    .enabled(if: ExternalTool.python3Available, ExportMISPCommandTests.python3Skip))
  func mispWithRetiredIdentifiersAndPrevious() throws {
    let folder = TemporaryFolder.make("disarm-ids")
    let first = folder.appendingPathComponent("misp-1")
    let second = folder.appendingPathComponent("misp-2")
    let old = try DisarmProcess.run(["export", "misp", Corpus.release("disarm-2024-03-13").path, "-o", first.path])
    #expect(old.status == 0 || old.status == 1, "\(old.stderr)")
    let kb = try Self.laterReleaseWithRegister(in: folder)
    let new = try DisarmProcess.run(["export", "misp", kb.path, "-o", second.path, "--previous", first.path])
    #expect(new.status == 0 || new.status == 1, "\(new.stderr)")
    #expect(new.stderr.contains("disarm-techniques 1 -> 2") && new.stderr.contains("disarm-actortypes 1 (unchanged)"))
    try ExportMISPCommandTests.expectMISPSchemasValidate(second, galaxies: 4, source: "retired")
    try ExportMISPCommandTests.expectMISPChecksPass(second, galaxies: 4, source: "retired")
    let cluster =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: second.appendingPathComponent("clusters/disarm-techniques.json"))) as? [String: Any]
    #expect(cluster?["version"] as? Int == 2)
    let values = (cluster?["values"] as? [[String: Any]]) ?? []
    let revoked = values.filter { $0["revoked"] as? Bool == true }.compactMap {
      ($0["meta"] as? [String: Any])?["external_id"] as? String
    }
    let deprecated = values.filter { ($0["meta"] as? [String: Any])?["deprecated"] as? Bool == true }.compactMap {
      ($0["meta"] as? [String: Any])?["external_id"] as? String
    }
    #expect(revoked.sorted() == ["T0007", "T0090.001"] && deprecated == ["T0009"])
  }

  /// Each profile passes the OASIS validator; the opencti profile passes pycti's identifier and order rules.
  @Test(
    .enabled(if: Corpus.available, Corpus.skipMessage), .enabled(if: pythonTools, pythonSkip),
    arguments: ["disarm", "opencti", "navigator"])
  func profilesPassTheValidator(profile: String) throws {
    let folder = TemporaryFolder.make("disarm-ids")
    let bundle = folder.appendingPathComponent("\(profile).json")
    let kb = Corpus.release("disarm-2025-02-10").path
    let export = try DisarmProcess.run(["export", "stix", kb, "--profile", profile, "-o", bundle.path])
    #expect(export.status == 0 && export.stderr.contains("profile \(profile)"), "\(export.stderr)")
    // The opencti profile's kill chain is `disarm`, which ATT&CK's tools do not read as a tactic's: validator only.
    let arguments =
      profile == "opencti" ? [] : ["--kb", kb, "--disarm", DisarmProcess.binary.path]
    let valid = try Self.check(["stix", bundle.path] + arguments)
    #expect(valid.status == 0 && valid.output.contains("valid; 0 errors"), "\(valid.output)")
    if profile == "opencti" {
      let opencti = try Self.check(["opencti", bundle.path])
      #expect(opencti.status == 0, "\(opencti.output)")
      #expect(opencti.output.contains("16 tactics ordered, 391 of 391 attack-patterns readable"), "\(opencti.output)")
    }
  }

  @Test func badInputsExitTwoWithTheirPlace() throws {
    let folder = TemporaryFolder.make("disarm-ids")
    let bad = folder.appendingPathComponent("bad.json")
    try Data("{\"objects\": [\n  {\"type\": \"attack-pattern\", \"id\": \"attack-pattern--1\"}]}".utf8).write(to: bad)
    let result = try DisarmProcess.run(["export", "stix", "data", "--ids-from", bad.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("bad.json:2:3: 'attack-pattern--1' is not a STIX identifier"), "\(result.stderr)")
    let previous = try DisarmProcess.run(["export", "stix", "data", "--previous", folder.path + "/none.json"])
    #expect(previous.status == 2 && previous.stderr.contains("none.json:1:1: cannot read the file"))
    let conflict = try DisarmProcess.run([
      "export", "stix", "data", "--profile", "opencti", "--kill-chain", "mitre-attack",
    ])
    #expect(conflict.status != 0 && conflict.stderr.contains("--profile opencti"))
    let misp = try DisarmProcess.run(["export", "misp", "data", "-o", folder.path + "/m", "--previous", bad.path])
    #expect(misp.status == 2 && misp.stderr.contains("not a folder of a MISP export"), "\(misp.stderr)")
  }
}

/// A bundle with every identifier replaced by a random version-4 UUID of the same type, references included: what
/// the DISARM Foundation's generator gives the same objects.
enum STIXRandomIDs {
  static func rewrite(_ bytes: [UInt8], seed: UInt64) throws -> [UInt8] {
    var random = SeededRandom(seed: seed)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    var text = String(decoding: bytes, as: UTF8.self)
    for object in try #require(document["objects"] as? [[String: Any]]) {
      let id = try #require(object["id"] as? String)
      let type = try #require(object["type"] as? String)
      var uuid = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
      uuid[6] = (uuid[6] & 0x0F) | 0x40
      uuid[8] = (uuid[8] & 0x3F) | 0x80
      let hex = uuid.map { String(format: "%02x", $0) }
      let groups = [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }
      text = text.replacingOccurrences(of: id, with: "\(type)--\(groups.joined(separator: "-"))")
    }
    return Array(text.utf8)
  }
}
