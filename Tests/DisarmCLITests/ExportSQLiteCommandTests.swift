import DisarmTestSupport
import Foundation
import Testing

/// `disarm export sqlite` end to end on the 2025-02-10 corpus: two exports byte for byte, then the database as its
/// users open it (`scripts/check-sqlite.py`: the `sqlite3` command line, and Datasette started on 127.0.0.1, queried
/// over HTTP and stopped), its canned queries and a full-text search compared with `disarm stats`.
@Suite(.enabled(if: Corpus.available, Corpus.skipMessage)) struct ExportSQLiteCommandTests {
  static let kb = Corpus.release("disarm-2025-02-10").path
  static let checker = DisarmProcess.repository.appendingPathComponent("scripts/check-sqlite.py").path

  static let sqliteAvailable = (try? ExternalTool.run(["sqlite3", "-version"]).status) == 0
  static let datasetteAvailable = (try? ExternalTool.run(["datasette", "--version"]).status) == 0

  /// Exports into `folder` as `name.db`, with its metadata beside it.
  static func export(to folder: URL, name: String) throws -> (db: URL, metadata: URL) {
    let db = folder.appendingPathComponent("\(name).db")
    let result = try DisarmProcess.run(["export", "sqlite", db.path, "--kb", kb])
    // The corpus has errors the model rules find: written, exit 1.
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("wrote \(db.path)"))
    return (db, folder.appendingPathComponent("\(name).metadata.json"))
  }

  @Test func exportingTwiceGivesIdenticalBytes() throws {
    let folder = TemporaryFolder.make("disarm-sqlite")
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try Self.export(to: folder, name: "first")
    let second = try Self.export(to: folder, name: "second")
    let bytes = try Data(contentsOf: first.db)
    #expect(bytes.starts(with: Data("SQLite format 3\0".utf8)))
    #expect(bytes == (try Data(contentsOf: second.db)))
  }

  @Test(.enabled(if: sqliteAvailable, "the sqlite3 command line is not installed (scripts/install-deps.sh)"))
  func sqlite3RunsTheCannedQueriesWithTheCountsOfDisarmStats() throws {
    try Self.check(datasette: false)
  }

  @Test(
    .enabled(if: sqliteAvailable, "the sqlite3 command line is not installed (scripts/install-deps.sh)"),
    .enabled(if: datasetteAvailable, "datasette is not installed (pip install datasette; scripts/install-deps.sh)"))
  func datasetteServesTheSameAnswers() throws {
    try Self.check(datasette: true)
  }

  static func check(datasette: Bool) throws {
    let folder = TemporaryFolder.make("disarm-sqlite")
    defer { try? FileManager.default.removeItem(at: folder) }
    let (db, metadata) = try export(to: folder, name: "disarm")
    let run = try ExternalTool.run(
      ["python3", checker, db.path, metadata.path] + (datasette ? [] : ["--no-datasette"]),
      environment: ["DISARM_CHECK_INCIDENT": "I00100", "DISARM_CHECK_TECHNIQUE": "T0143.003"])
    #expect(run.status == 0, "\(run.output)")
    let line = run.output.split(separator: "\n").last.map(String.init) ?? ""
    let report = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    #expect(report["integrity"] as? String == "ok")
    let answers = try #require(report[datasette ? "datasette" : "sqlite3"] as? [String: [[String: Any]]])
    if datasette {
      let local = try #require(report["sqlite3"] as? [String: [[String: Any]]])
      #expect(NSDictionary(dictionary: local).isEqual(to: answers), "Datasette and sqlite3 disagree")
    }
    // Technique frequency against `disarm stats`.
    let stats = try StatsCommandTests.json(["stats"])
    let expected = StatsCommandTests.counts(stats)
    var frequency: [String: Int] = [:]
    for row in answers["technique_frequency"] ?? [] {
      frequency[row["disarm_id"] as? String ?? ""] = row["incidents"] as? Int
    }
    #expect(!frequency.isEmpty && frequency == expected)
    // Incidents by technique: the count of the technique in `disarm stats`.
    let users = Set((answers["incidents_by_technique"] ?? []).compactMap { $0["disarm_id"] as? String })
    #expect(users.count == expected["T0143.003"])
    #expect(!(answers["techniques_of_incident"] ?? []).isEmpty)
    // Pairs against `disarm stats --pairs`.
    let pairs =
      (try StatsCommandTests.json(["stats", "--pairs"]) as? [String: Any])?["pairs"] as? [[String: Any]] ?? []
    var expectedPairs: [String: Int] = [:]
    for pair in pairs { expectedPairs["\(pair["first"]!) \(pair["second"]!)"] = pair["together"] as? Int }
    var foundPairs: [String: Int] = [:]
    for row in answers["technique_pairs"] ?? [] {
      foundPairs["\(row["first"]!) \(row["second"]!)"] = row["together"] as? Int
    }
    #expect(!foundPairs.isEmpty && foundPairs == expectedPairs)
    // Tactic frequency against `disarm stats --by tactic`.
    let groups =
      (try StatsCommandTests.json(["stats", "--by", "tactic"]) as? [String: Any])?["groups"] as? [[String: Any]] ?? []
    var expectedTactics: [String: Int] = [:]
    for group in groups where (group["incidents"] as? Int ?? 0) > 0 {
      expectedTactics[group["key"] as? String ?? ""] = group["incidents"] as? Int
    }
    var foundTactics: [String: Int] = [:]
    for row in answers["tactic_frequency"] ?? [] {
      foundTactics[row["disarm_id"] as? String ?? ""] = row["incidents"] as? Int
    }
    #expect(foundTactics == expectedTactics)
    // Incidents per year against `disarm stats --trend`.
    let years =
      (try StatsCommandTests.json(["stats", "--trend"]) as? [String: Any])?["years"] as? [[String: Any]] ?? []
    var expectedYears: [Int: Int] = [:]
    for year in years {
      if let value = year["year"] as? Int, let count = year["incidents"] as? Int, count > 0 {
        expectedYears[value] = count
      }
    }
    var foundYears: [Int: Int] = [:]
    for row in answers["incidents_per_year"] ?? [] { foundYears[row["year"] as? Int ?? 0] = row["incidents"] as? Int }
    #expect(foundYears == expectedYears)
    // A full-text search finds the incidents that describe deepfakes.
    let hits = answers["search"] ?? []
    #expect(!hits.isEmpty)
    #expect(hits.contains { ($0["disarm_id"] as? String ?? "").hasPrefix("I00068") })
  }
}
