import DisarmTestSupport
import Foundation
import Testing

/// End-to-end: `disarm export misp` and `disarm export csv` with the built binary; the MISP files of the sample and
/// the four corpora against MISP's own JSON Schemas and CI checks (`scripts/check-misp.py`).
@Suite struct ExportMISPCommandTests {
  static let oracles = Corpus.oracles
  static let expectedFiles = [
    "clusters/disarm-actortypes.json", "clusters/disarm-countermeasures.json", "clusters/disarm-detections.json",
    "clusters/disarm-techniques.json", "galaxies/disarm-actortypes.json", "galaxies/disarm-countermeasures.json",
    "galaxies/disarm-detections.json", "galaxies/disarm-techniques.json",
  ]

  static func files(in folder: URL) -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    return (enumerator?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".json") || $0.hasSuffix(".csv") }.sorted()
  }

  @Test func sampleExportWritesEightFiles() throws {
    let out = TemporaryFolder.make("disarm-cli")
    let result = try DisarmProcess.run(["export", "misp", "data", "--output", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "disarm: wrote 4 MISP galaxies (techniques 13, countermeasures 4, detections 3, actortypes 3) to "
        + "\(out.path); 0 errors in the knowledge base\n")
    #expect(Self.files(in: out) == Self.expectedFiles)
  }

  @Test func exportingTwiceGivesIdenticalBytes() throws {
    for format in ["misp", "csv"] {
      let first = TemporaryFolder.make("disarm-cli")
      let second = TemporaryFolder.make("disarm-cli")
      #expect(try DisarmProcess.run(["export", format, "data", "-o", first.path]).status == 0)
      #expect(try DisarmProcess.run(["export", format, "data", "-o", second.path]).status == 0)
      let names = Self.files(in: first)
      #expect(names == Self.files(in: second))
      #expect(names.count >= 8, "\(format)")
      for name in names {
        let a = try Data(contentsOf: first.appendingPathComponent(name))
        let b = try Data(contentsOf: second.appendingPathComponent(name))
        #expect(a == b, "\(format) \(name) differs between two exports")
      }
    }
  }

  @Test func csvExportWritesOneTablePerKindAndRelation() throws {
    let out = TemporaryFolder.make("disarm-cli")
    let result = try DisarmProcess.run(["export", "csv", "data", "-o", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.hasPrefix("disarm: wrote 21 CSV tables ("))
    let names = Self.files(in: out)
    #expect(names.contains("techniques.csv") && names.contains("incident_techniques.csv"))
    let techniques = try String(contentsOf: out.appendingPathComponent("techniques.csv"), encoding: .utf8)
    #expect(techniques.hasPrefix("id,name,summary,tactic,parent_technique\r\n"))
  }

  @Test func missingFolderExitsTwo() throws {
    for format in ["misp", "csv"] {
      let out = TemporaryFolder.make("disarm-cli").path
      let result = try DisarmProcess.run(["export", format, "no/such/folder", "-o", out])
      #expect(result.status == 2)
      #expect(result.stderr.contains("no/such/folder"))
    }
  }

  @Test func badVersionIsAUsageError() throws {
    let result = try DisarmProcess.run(["export", "misp", "data", "--galaxy-version", "0"])
    #expect(result.status != 0 && result.status != 1)
    #expect(result.stderr.contains("--galaxy-version"))
  }

  static let python3Skip: Comment = "python3 is missing: MISP schema and CI checks skipped"

  /// The duplicate-value and UUID checks of MISP's CI for the sample knowledge base.
  @Test(.enabled(if: ExternalTool.python3Available, python3Skip))
  func sampleExportPassesMISPChecks() throws {
    let (out, galaxies) = try Self.export("data", source: "data")
    try Self.expectMISPChecksPass(out, galaxies: galaxies, source: "data")
  }

  /// The acceptance check: MISP's own schemas (a real JSON Schema validator, the schemas kept beside the corpus in
  /// ../shared/corpus/oracles) and the checks of MISP's CI, for the sample knowledge base and every corpus tree
  /// (AMITT's and DISARM 2026's galaxies are named in their own words: `amitt-techniques`, `disarm-assessments`).
  @Test(
    .enabled(if: ExternalTool.python3Available, python3Skip), .enabled(if: Corpus.available, Corpus.skipMessage),
    arguments: ["data"] + Corpus.allTrees.map(\.name))
  func exportPassesMISPSchemasAndChecks(source: String) throws {
    let (out, galaxies) = try Self.export(source == "data" ? "data" : Corpus.release(source).path, source: source)
    try Self.expectMISPSchemasValidate(out, galaxies: galaxies, source: source)
    try Self.expectMISPChecksPass(out, galaxies: galaxies, source: source)
  }

  /// Exports the MISP galaxies of `folder` to a new folder; returns it and the number of galaxies written.
  static func export(_ folder: String, source: String) throws -> (out: URL, galaxies: Int) {
    let out = TemporaryFolder.make("disarm-cli")
    let export = try DisarmProcess.run(["export", "misp", folder, "-o", out.path])
    #expect(export.status == 0 || export.status == 1, "\(export.stderr)")
    let written = Self.files(in: out)
    if source == "data" || Corpus.names.contains(source) { #expect(written == Self.expectedFiles) }
    let galaxies = written.filter { $0.hasPrefix("galaxies/") }.count
    #expect(galaxies >= 1 && written.count == 2 * galaxies, "\(written)")
    return (out, galaxies)
  }

  /// Validates the clusters and galaxies in `out` against MISP's own schemas.
  static func expectMISPSchemasValidate(_ out: URL, galaxies: Int, source: String) throws {
    let written = Self.files(in: out)
    let validate = DisarmProcess.repository.appendingPathComponent("scripts/validate-json.py").path
    let schemas = [
      ("misp-galaxy-schema_clusters.json", "clusters/"), ("misp-galaxy-schema_galaxies.json", "galaxies/"),
    ]
    for (schema, prefix) in schemas {
      let documents = written.filter { $0.hasPrefix(prefix) }.map { out.appendingPathComponent($0).path }
      let schemaPath = Self.oracles.appendingPathComponent(schema).path
      let result = try ExternalTool.run(["python3", validate, schemaPath] + documents)
      #expect(result.status == 0, "\(source) \(schema):\n\(result.output.prefix(3000))")
      #expect(result.output.components(separatedBy: ": valid\n").count - 1 == galaxies, "\(result.output)")
    }
  }

  /// Runs MISP's CI checks (`scripts/check-misp.py`) on the galaxies in `out`.
  static func expectMISPChecksPass(_ out: URL, galaxies: Int, source: String) throws {
    let check = try ExternalTool.run(
      ["python3", DisarmProcess.repository.appendingPathComponent("scripts/check-misp.py").path, out.path])
    #expect(check.status == 0, "\(source):\n\(check.output.prefix(3000))")
    #expect(
      check.output.contains("\(galaxies) clusters") && check.output.hasSuffix("\(galaxies) galaxies: 0 problems\n"),
      "\(check.output)")
  }

  /// The checker is not vacuous: a duplicate value, a reused UUID and a dangling relation are each reported.
  @Test(.enabled(if: ExternalTool.python3Available, "python3 is missing: check-misp.py self-test skipped"))
  func checkerReportsDuplicatesAndReusedUUIDs() throws {
    let out = TemporaryFolder.make("disarm-cli")
    #expect(try DisarmProcess.run(["export", "misp", "data", "-o", out.path]).status == 0)
    let url = out.appendingPathComponent("clusters/disarm-techniques.json")
    var cluster = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    var values = try #require(cluster["values"] as? [[String: Any]])
    values[1]["value"] = (values[0]["value"] as! String).uppercased()
    values[2]["uuid"] = values[3]["uuid"]
    values[4]["related"] = [["dest-uuid": "00000000-0000-5000-8000-000000000000", "type": "blocked-by"]]
    cluster["values"] = values
    try JSONSerialization.data(withJSONObject: cluster).write(to: url)
    let check = try ExternalTool.run(
      ["python3", DisarmProcess.repository.appendingPathComponent("scripts/check-misp.py").path, out.path])
    #expect(check.status == 1)
    #expect(check.output.contains("differ only in case or spacing"))
    #expect(check.output.contains("is used 2 times"))
    #expect(check.output.contains("names no value"))
  }
}
