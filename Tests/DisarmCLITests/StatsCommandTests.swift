import DisarmTestSupport
import Foundation
import Testing

/// `disarm stats` and `disarm match` end to end on the 2025-02-10 corpus: the JSON counts against a direct count of
/// the incident pages' technique tables (``IncidentTables``), the published schema, the errors, and colour.
@Suite(.enabled(if: Corpus.available, Corpus.skipMessage)) struct StatsCommandTests {
  static let kb = Corpus.release("disarm-2025-02-10").path

  static func json(_ arguments: [String]) throws -> Any {
    let result = try DisarmProcess.run(arguments + ["--kb", kb, "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
  }

  static func counts(_ document: Any) -> [String: Int] {
    let techniques = (document as? [String: Any])?["techniques"] as? [[String: Any]] ?? []
    var counts: [String: Int] = [:]
    for technique in techniques {
      if let id = technique["id"] as? String, let count = technique["incidents"] as? Int, count > 0 {
        counts[id] = count
      }
    }
    return counts
  }

  @Test func statsJSONCountsEqualADirectCount() throws {
    let tables = try IncidentTables(pages: Corpus.pages("disarm-2025-02-10"))
    #expect(Self.counts(try Self.json(["stats"])) == IncidentTables.counts(tables.incidents))
    let russia = tables.incidents.filter { $0.countries.contains("Russia") }
    #expect(Self.counts(try Self.json(["stats", "--where", "country=russia"])) == IncidentTables.counts(russia))
    let year = tables.incidents.filter { ($0.year ?? 0) >= 2017 && ($0.year ?? 0) <= 2020 }
    let document = try Self.json(["stats", "--from", "2017", "--to", "2020"])
    #expect((document as? [String: Any])?["incidents"] as? Int == year.count)
    #expect(Self.counts(document) == IncidentTables.counts(year))
  }

  @Test func pairsJSONCountsEqualADirectCount() throws {
    let tables = try IncidentTables(pages: Corpus.pages("disarm-2025-02-10"))
    let pairs = (try Self.json(["stats", "--pairs"]) as? [String: Any])?["pairs"] as? [[String: Any]] ?? []
    var found: [String: Int] = [:]
    for pair in pairs {
      let key = [pair["first"] as? String ?? "", pair["second"] as? String ?? ""].sorted().joined(separator: " ")
      found[key] = pair["together"] as? Int
    }
    #expect(!found.isEmpty && found == IncidentTables.pairCounts(tables.incidents))
  }

  @Test func everyReportValidatesAgainstTheSchema() throws {
    let folder = TemporaryFolder.make("disarm-stats")
    defer { try? FileManager.default.removeItem(at: folder) }
    let runs: [[String]] = [
      ["stats"], ["stats", "--by", "tactic"], ["stats", "--by", "year"], ["stats", "--pairs", "--sort", "lift"],
      ["stats", "--trend"], ["match", "I00100"], ["match", "T0143.003", "T0097.101"],
    ]
    var files: [String] = []
    for (index, arguments) in runs.enumerated() {
      let result = try DisarmProcess.run(arguments + ["--kb", Self.kb, "--format", "json"])
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      let file = folder.appendingPathComponent("\(index).json")
      try Data(result.stdout.utf8).write(to: file)
      files.append(file.path)
    }
    let validator = DisarmProcess.repository.appendingPathComponent("scripts/validate-json.py").path
    let schema = DisarmProcess.repository.appendingPathComponent("schema/stats.schema.json").path
    let check = try ExternalTool.run(["python3", validator, schema] + files)
    #expect(check.status == 0, "\(check.output)")
  }

  @Test func matchListsTheIncidentItselfFirst() throws {
    let document = try Self.json(["match", "I00100", "--top", "3"]) as? [String: Any]
    let matches = document?["matches"] as? [[String: Any]] ?? []
    #expect(matches.first?["incident"] as? String == "I00100")
    #expect(matches.first?["similarity"] as? Double == 1)
    let similarities = matches.compactMap { $0["similarity"] as? Double }
    #expect(similarities == similarities.sorted(by: >))
  }

  @Test func unknownFieldsAndValuesAreErrorsThatListWhatExists() throws {
    let field = try DisarmProcess.run(["stats", "--kb", Self.kb, "--where", "colour=red"])
    #expect(field.status == 2 && field.stderr.contains("unknown incident field 'colour'"))
    #expect(field.stderr.contains("'countries'"))
    let value = try DisarmProcess.run(["stats", "--kb", Self.kb, "--where", "country=Narnia"])
    #expect(value.status == 2 && value.stderr.contains("Russia (41)"))
    let actor = try DisarmProcess.run(["stats", "--kb", Self.kb, "--by", "actor"])
    #expect(actor.status == 2 && actor.stderr.contains("no actor field"))
    let match = try DisarmProcess.run(["match", "T9999", "--kb", Self.kb])
    #expect(match.status == 2 && match.stderr.contains("no live technique T9999"))
  }

  @Test func textHasBarsAndColourOnlyWhenAsked() throws {
    let plain = try DisarmProcess.run(["stats", "--kb", Self.kb, "--top", "5"], environment: ["NO_COLOR": "1"])
    #expect(plain.status == 0 && plain.stdout.contains("█") && !plain.stdout.contains("\u{1B}["))
    let coloured = try DisarmProcess.run(["stats", "--kb", Self.kb, "--top", "5", "--color", "always"])
    #expect(coloured.stdout.contains("\u{1B}[1;36m█"))
  }
}
