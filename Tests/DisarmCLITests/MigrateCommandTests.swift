import DisarmDiagnostics
import DisarmTestSupport
import Foundation
import Testing

/// `disarm migrate` end to end on the real releases: a layer of every technique carried between neighbouring
/// releases (its counts equal `disarm diff`'s), a STIX bundle and a CSV dataset carried with a register of
/// replacements (the bundle passes the OASIS validator, the dataset imports into the new release), and a knowledge
/// base's incidents migrated through the writer.
@Suite struct MigrateCommandTests {
  static let pairs: [(String, String)] = [
    ("disarm-2022-07-02", "disarm-2024-03-13"), ("disarm-2024-03-13", "disarm-2024-11-22"),
    ("disarm-2024-11-22", "disarm-2025-02-10"), ("disarm-2025-02-10", "disarm-2025-07-03"),
    ("disarm-2025-07-03", "disarm-2026-07-19"), ("disarm-2022-07-02", "disarm-2025-02-10"),
  ]

  /// Replacements for the eight techniques 2024-03-13 removed from 2022-07-02 (chosen for the test, not DISARM's).
  static let register = """
    - id: T0011
      name: Compromise legitimate accounts
      replaced-by: T0141.001
    - id: T0019
      name: Generate information pollution
      replaced-by: T0049
    - id: T0019.001
      name: Create fake research
      replaced-by: T0085.004
    - id: T0019.002
      name: Hijack Hashtags
      replaced-by: T0049.002
    - id: T0061.001
      name: Sell Merchandise
      replaced-by: T0061
    - id: T0085.002
      name: Develop False or Altered Documents
      replaced-by: T0085.004
    - id: T0089.002
      name: Leak False Documents
      replaced-by: T0089
    - id: T0099.001
      name: Astroturfing
      replaced-by: T0099

    """

  /// A layer scoring and annotating every technique of `kb` under each of its tactics, from its STIX export.
  static func layerOfEveryTechnique(_ kb: URL, into folder: URL) throws -> URL {
    let bundle = folder.appendingPathComponent("bundle.json")
    let export = try DisarmProcess.run(["export", "stix", kb.path, "--output", bundle.path])
    #expect(export.status == 0, "\(export.stderr)")
    let objects = try JSONParser.parse(Array(try Data(contentsOf: bundle)))["objects"]?.arrayValue ?? []
    var entries: [String] = []
    for object in objects where object["type"]?.stringValue == "attack-pattern" {
      guard object["revoked"] == nil, object["x_mitre_deprecated"] == nil,
        let id = object["external_references"]?.arrayValue?.compactMap({ $0["external_id"]?.stringValue }).first
      else { continue }
      for phase in object["kill_chain_phases"]?.arrayValue ?? [] {
        let tactic = phase["phase_name"]?.stringValue ?? ""
        entries.append(
          "{\"techniqueID\": \"\(id)\", \"tactic\": \"\(tactic)\", \"score\": \(entries.count % 10), "
            + "\"comment\": \"note \(id)\"}")
      }
    }
    let layer = folder.appendingPathComponent("layer.json")
    try Data(
      "{\"name\": \"every technique\", \"domain\": \"disarm\", \"techniques\": [\n\(entries.joined(separator: ",\n"))\n]}\n"
        .utf8
    ).write(to: layer)
    return layer
  }

  @Test(.enabled(if: Corpus.available, Corpus.skipMessage), arguments: pairs)
  func aLayerOfEveryTechniqueCarriesItsAnnotationsAndCountsWhatDiffCounts(old: String, new: String) throws {
    let folder = TemporaryFolder.make("disarm-migrate")
    defer { try? FileManager.default.removeItem(at: folder) }
    let layer = try Self.layerOfEveryTechnique(Corpus.release(old), into: folder)
    let out = folder.appendingPathComponent("out")
    let report = folder.appendingPathComponent("report.json")
    let oldPath = Corpus.release(old).path
    let newPath = Corpus.release(new).path
    let strict = try DisarmProcess.run(["migrate", layer.path, "--from", oldPath, "--to", newPath, "-o", out.path])
    let diffFile = folder.appendingPathComponent("diff.json")
    let diffRun = try DisarmProcess.run(["diff", oldPath, newPath, "--format", "json", "-o", diffFile.path])
    #expect(diffRun.status == 0, "\(diffRun.stderr)")
    let diff = try JSONParser.parse(Array(try Data(contentsOf: diffFile)))
    func kind(_ name: String) -> JSONValue? { diff["kinds"]?.arrayValue?.first { $0["kind"]?.stringValue == name } }
    let techniques = try #require(kind("technique"))
    let removed = techniques["removed"]?.arrayValue?.count ?? 0
    // Review blocks writing (exit 1, nothing written) unless accepted.
    #expect(strict.status == (removed > 0 ? 1 : 0), "\(strict.stderr)")
    #expect(FileManager.default.fileExists(atPath: out.path) == (removed == 0))
    let run = try DisarmProcess.run([
      "migrate", layer.path, "--from", oldPath, "--to", newPath, "-o", out.path, "--accept-review",
      "--report-format", "json", "--report", report.path,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    try ExternalTool.expectValid(report, schema: "schema/migrate.schema.json")
    let counts = try JSONParser.parse(Array(try Data(contentsOf: report)))["identifiers"]
    let renamedTactics = kind("tactic")?["renamed"]?.arrayValue?.count ?? 0
    let moves = techniques["moved"]?.arrayValue?.filter { $0["placement"]?.stringValue == "tactic" }.count ?? 0
    #expect(counts?["renamed"]?.intValue == (techniques["renamed"]?.arrayValue?.count ?? 0) + renamedTactics)
    #expect(counts?["moved"]?.intValue == moves)
    #expect((counts?["replaced"]?.intValue ?? 0) + (counts?["review"]?.intValue ?? 0) == removed)
    // Every technique of the new release that the old one had carries its annotation.
    let migrated = try JSONParser.parse(Array(try Data(contentsOf: out.appendingPathComponent("layer.json"))))
    var comments: [String: Set<String>] = [:]
    for entry in migrated["techniques"]?.arrayValue ?? [] {
      comments[entry["techniqueID"]?.stringValue ?? "", default: []].insert(entry["comment"]?.stringValue ?? "")
    }
    let gone = Set(techniques["removed"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? [])
    let original = try JSONParser.parse(Array(try Data(contentsOf: layer)))["techniques"]?.arrayValue ?? []
    for id in Set(original.compactMap { $0["techniqueID"]?.stringValue }) where !gone.contains(id) {
      #expect(comments[id]?.contains("note \(id)") == true, "\(old) → \(new): \(id) lost its annotation")
    }
  }

  /// A copy of the 2024-03-13 release with ``register``, in a temporary folder.
  static func newReleaseWithRegister(_ folder: URL) throws -> URL {
    let copy = folder.appendingPathComponent("new")
    try FileManager.default.copyItem(at: Corpus.release("disarm-2024-03-13"), to: copy)
    try Data(register.utf8).write(to: copy.appendingPathComponent("generated_pages/retired.yml"))
    return copy
  }

  @Test(
    .enabled(if: Corpus.available, Corpus.skipMessage),
    .enabled(if: ExportSTIXCommandTests.pythonToolsAvailable, ExportSTIXCommandTests.pythonSkip))
  func aBundleAndADatasetOfTheOldReleaseMigrateAndPassTheirConsumers() throws {
    let folder = TemporaryFolder.make("disarm-migrate")
    defer { try? FileManager.default.removeItem(at: folder) }
    let old = Corpus.release("disarm-2022-07-02")
    let new = try Self.newReleaseWithRegister(folder)
    // The old release's STIX export: its incidents use the removed techniques (I00002 uses T0019).
    let bundle = folder.appendingPathComponent("incidents.json")
    #expect(try DisarmProcess.run(["export", "stix", old.path, "--output", bundle.path]).status == 0)
    // A dataset with a column per live technique of the old release (those of its export), headed `ID_Name`.
    var columns: [(id: String, name: String)] = []
    for object in try JSONParser.parse(Array(try Data(contentsOf: bundle)))["objects"]?.arrayValue ?? []
    where object["type"]?.stringValue == "attack-pattern" {
      if let id = object["external_references"]?.arrayValue?.compactMap({ $0["external_id"]?.stringValue }).first,
        let name = object["name"]?.stringValue
      {
        columns.append((id, name))
      }
    }
    let oldTechniques = columns.map(\.id)
    let names = columns.map(\.name)
    let header =
      "name,year,"
      + zip(oldTechniques, names).map { $1.contains(",") ? "\"\($0)_\($1)\"" : "\($0)_\($1)" }
      .joined(separator: ",")
    let row = { (name: String) in
      name + ",2022," + oldTechniques.indices.map { $0 % 3 == 0 ? "1" : "0" }.joined(separator: ",")
    }
    let dataset = folder.appendingPathComponent("dataset.csv")
    try Data((header + "\n" + row("First incident") + "\n" + row("Second incident") + "\n").utf8).write(to: dataset)
    let out = folder.appendingPathComponent("out")
    let run = try DisarmProcess.run([
      "migrate", bundle.path, dataset.path, "--from", old.path, "--to", new.path, "--output", out.path,
    ])
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    #expect(run.stdout.contains("8 replaced") && run.stdout.contains("0 review"), "\(run.stdout)")
    let checked = try ExternalTool.run([
      "python3", ExportSTIXCommandTests.checker, "stix", out.appendingPathComponent("incidents.json").path,
    ])
    #expect(checked.status == 0, "\(checked.output)")
    let migratedBundle = try String(contentsOf: out.appendingPathComponent("incidents.json"), encoding: .utf8)
    #expect(!migratedBundle.contains("\"external_id\": \"T0019\""))
    // The migrated dataset imports into the new release with no unknown or retired technique.
    let copy = folder.appendingPathComponent("import-target")
    try FileManager.default.copyItem(at: new, to: copy)
    let imported = try DisarmProcess.run([
      "import", out.appendingPathComponent("dataset.csv").path, "--into", copy.path, "--dry-run",
    ])
    #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
    #expect(!imported.stderr.contains("unknown technique") && !imported.stderr.contains("is retired"))
  }

  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func aKnowledgeBasesIncidentsAreMigratedThroughTheWriterAndBuildCleanly() throws {
    let folder = TemporaryFolder.make("disarm-migrate")
    defer { try? FileManager.default.removeItem(at: folder) }
    let old = Corpus.release("disarm-2022-07-02")
    let kb = try Self.newReleaseWithRegister(folder)
    // An analyst's incident page written against the old release, with a note of their own.
    let page = kb.appendingPathComponent("generated_pages/incidents/I00002.md")
    let note = "\nOur note: T0019 was the heart of it.\n"
    try Data(
      (try String(contentsOf: old.appendingPathComponent("generated_pages/incidents/I00002.md"), encoding: .utf8)
        + note).utf8
    ).write(to: page)
    let before = try DisarmProcess.run(["build", kb.path, "--check"])
    let dry = try DisarmProcess.run(["migrate", "--kb", kb.path, "--from", old.path, "--to", kb.path, "--dry-run"])
    #expect(dry.status == 0, "\(dry.stdout)\(dry.stderr)")
    #expect(try String(contentsOf: page, encoding: .utf8).contains("T0019 Generate information pollution"))
    let run = try DisarmProcess.run(["migrate", "--kb", kb.path, "--from", old.path, "--to", kb.path])
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    #expect(run.stdout.contains("replaced"), "\(run.stdout)")
    let written = try String(contentsOf: page, encoding: .utf8)
    #expect(!written.replacingOccurrences(of: note, with: "").contains("T0019 "))
    #expect(written.contains("[T0049 Flood Information Space]"))
    #expect(written.hasSuffix(note))
    // The release has findings of its own (536 errors in the copy, about its stale pages and links); the migration
    // adds none, leaves the page without a finding (it had one per old name), and no page out of date.
    let check = try DisarmProcess.run(["build", kb.path, "--check"])
    #expect(check.stderr.contains("; 0 pages out of date"), "\(check.stderr)")
    #expect(Self.errors(check.stderr) <= Self.errors(before.stderr), "\(check.stderr)")
    #expect(before.stderr.contains("incidents/I00002.md:20:4: warning: T0019"), "\(before.stderr)")
    #expect(!check.stderr.contains("incidents/I00002.md:"), "\(check.stderr)")
    // Nothing left to migrate.
    let again = try DisarmProcess.run(["migrate", "--kb", kb.path, "--from", old.path, "--to", kb.path])
    #expect(again.stderr.contains("need no change"), "\(again.stderr)")
  }

  /// The error count of `build`'s summary line (`…; 536 errors, 185 warnings, …`).
  static func errors(_ summary: String) -> Int {
    guard let range = summary.range(of: #"(\d+) errors"#, options: .regularExpression) else { return 0 }
    return Int(summary[range].split(separator: " ")[0]) ?? 0
  }

  @Test func usageErrorsWriteNothingAndExitTwo() throws {
    let both = try DisarmProcess.run(["migrate", "a.json", "--from", "data", "--to", "data", "-o", "x", "--in-place"])
    #expect(both.status == 2 && both.stderr.contains("not both"))
    let none = try DisarmProcess.run(["migrate", "--from", "data", "--to", "data"])
    #expect(none.status == 2 && none.stderr.contains("give the files to migrate"))
    let missing = try DisarmProcess.run(["migrate", "nowhere.json", "--from", "data", "--to", "data"])
    #expect(missing.status == 2 && missing.stderr.contains("nowhere.json: no such file"))
    let badVersion = try DisarmProcess.run(["migrate", "README.md", "--from", "no-such-version", "--to", "data"])
    #expect(badVersion.status == 2 && badVersion.stderr.contains("no-such-version"))
  }

  @Test func theSampleMigratesOntoItselfWithNothingToDo() throws {
    let folder = TemporaryFolder.make("disarm-migrate")
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = folder.appendingPathComponent("report.md")
    try Data("We saw T0002: Facilitate State Propaganda.\n".utf8).write(to: text)
    let run = try DisarmProcess.run(["migrate", text.path, "--from", "data", "--to", "data", "--in-place"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("1 identifiers written, 1 already right"), "\(run.stdout)")
    #expect(try String(contentsOf: text, encoding: .utf8) == "We saw T0002: Facilitate State Propaganda.\n")
  }
}
