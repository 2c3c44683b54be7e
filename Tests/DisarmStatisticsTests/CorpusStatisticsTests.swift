import DisarmDiagnostics
import DisarmModel
import DisarmStatistics
import DisarmTestSupport
import Foundation
import Testing

/// The statistics of the 2025-02-10 corpus against counts made straight from its files (``IncidentTables``: the index
/// pages and the incident pages' technique tables read with regular expressions, not with the project's parser).
@Suite(.enabled(if: Corpus.available, Corpus.skipMessage)) struct CorpusStatisticsTests {
  static let corpus = "disarm-2025-02-10"

  static func load() throws -> (KnowledgeBase, [IncidentRecord], IncidentTables) {
    let kb = try KnowledgeBaseLoader.load(from: Corpus.pageFolder(corpus).path)
    return (kb, IncidentRecord.all(in: kb), try IncidentTables(pages: Corpus.pages(corpus)))
  }

  /// The counts of a `stats --format json` document, by technique (zeros left out).
  static func counts(_ document: JSONValue) throws -> [String: Int] {
    guard case .object(let members) = document, case .array(let techniques)? = members["techniques"] else {
      throw StatisticsError("no techniques in the document")
    }
    var counts: [String: Int] = [:]
    for case .object(let technique) in techniques {
      if case .string(let id)? = technique["id"], case .int(let count)? = technique["incidents"], count > 0 {
        counts[id] = count
      }
    }
    return counts
  }

  static func json(_ records: [IncidentRecord], _ kb: KnowledgeBase, _ filter: IncidentFilter) throws -> JSONValue {
    let selected = try filter.select(records, in: kb)
    let bytes = JSONWriter.write(FrequencyOutput.json(TechniqueFrequency(selected, in: kb), filter: filter, by: nil))
    return try JSONParser.parse(bytes)
  }

  @Test func everyCountEqualsADirectCount() throws {
    let (kb, records, tables) = try Self.load()
    let expected = IncidentTables.counts(tables.incidents)
    #expect(!expected.isEmpty)
    #expect(try Self.counts(Self.json(records, kb, IncidentFilter())) == expected)
    #expect(records.count == tables.incidents.count)
  }

  @Test func pairCountsEqualADirectCount() throws {
    let (_, records, tables) = try Self.load()
    let pairs = TechniquePair.all(in: records)
    var found: [String: Int] = [:]
    for pair in pairs {
      found[[pair.first.string, pair.second.string].sorted().joined(separator: " ")] = pair.together
    }
    #expect(!found.isEmpty)
    #expect(found == IncidentTables.pairCounts(tables.incidents))
  }

  @Test(arguments: [2016, 2017, 2020]) func yearFiltersCountTheIncidentsOfTheYear(year: Int) throws {
    let (kb, records, tables) = try Self.load()
    let filter = IncidentFilter(fromYear: year, toYear: year)
    let selected = tables.incidents.filter { $0.year == year }
    #expect(try filter.select(records, in: kb).map(\.id.string) == selected.map(\.id))
    #expect(try Self.counts(Self.json(records, kb, filter)) == IncidentTables.counts(selected))
  }

  @Test(arguments: ["Russia", "USA", "China"]) func countryFiltersCountTheIncidentsOfTheCountry(country: String) throws
  {
    let (kb, records, tables) = try Self.load()
    let filter = IncidentFilter(conditions: [.init(field: "country", value: country)])
    let selected = tables.incidents.filter { $0.countries.contains(country) }
    #expect(!selected.isEmpty)
    #expect(try filter.select(records, in: kb).map(\.id.string) == selected.map(\.id))
    #expect(try Self.counts(Self.json(records, kb, filter)) == IncidentTables.counts(selected))
  }
}
