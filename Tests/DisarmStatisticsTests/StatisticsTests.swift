import DisarmDiagnostics
import DisarmModel
import DisarmStatistics
import DisarmTestSupport
import Foundation
import Testing

@Suite struct StatisticsTests {
  @Test func frequencyCountsEachTechniqueOncePerIncident() throws {
    let kb = try StatisticsKnowledgeBase.load()
    let frequency = TechniqueFrequency(IncidentRecord.all(in: kb), in: kb)
    let counts = Dictionary(uniqueKeysWithValues: frequency.techniques.map { ($0.id.string, $0.incidents) })
    #expect(counts == ["T0001": 3, "T0002": 2, "T0003": 1, "T0004": 1, "T0005": 1])
    #expect(frequency.incidentCount == 5 && frequency.incidentsWithTechniques == 4)
    #expect(frequency.techniques.first?.share == 3.0 / 5.0)
  }

  @Test func filtersByYearCountryAndTechnique() throws {
    let kb = try StatisticsKnowledgeBase.load()
    let all = IncidentRecord.all(in: kb)
    func ids(_ filter: IncidentFilter) throws -> [String] { try filter.select(all, in: kb).map(\.id.string) }
    #expect(try ids(IncidentFilter(fromYear: 2020)) == ["I00002", "I00003", "I00004"])
    #expect(try ids(IncidentFilter(fromYear: 2020, toYear: 2020)) == ["I00002", "I00003"])
    #expect(try ids(IncidentFilter(conditions: [.init(field: "country", value: "usa")])) == ["I00002", "I00003"])
    #expect(
      try ids(
        IncidentFilter(conditions: [.init(field: "countries", value: "UK"), .init(field: "country", value: "China")]))
        == ["I00001", "I00003"])
    #expect(
      try ids(
        IncidentFilter(conditions: [.init(field: "country", value: "Russia"), .init(field: "year", value: "2020")]))
        == ["I00002"])
    #expect(try ids(IncidentFilter(conditions: [.init(field: "technique", value: "t0002")])) == ["I00001", "I00002"])
  }

  @Test func unknownFieldsAndValuesListWhatExists() throws {
    let kb = try StatisticsKnowledgeBase.load()
    let all = IncidentRecord.all(in: kb)
    #expect {
      try IncidentFilter(conditions: [.init(field: "colour", value: "red")]).select(all, in: kb)
    } throws: { error in
      let message = (error as? StatisticsError)?.message ?? ""
      return message.contains("unknown incident field 'colour'") && message.contains("'countries'")
        && message.contains("'year_started'")
    }
    #expect {
      try IncidentFilter(conditions: [.init(field: "country", value: "Atlantis")]).select(all, in: kb)
    } throws: { error in
      let message = (error as? StatisticsError)?.message ?? ""
      return message.contains("no incident has countries=Atlantis") && message.contains("Russia (2)")
    }
    #expect(throws: StatisticsError.self) {
      try TechniqueFrequency.Grouping.parse("actor", fields: IncidentField.keys(of: all))
    }
    #expect(throws: StatisticsError.self) { try IncidentFilter.Condition.parse("countries") }
  }

  @Test func groupsByTacticFollowPhaseOrder() throws {
    let kb = try StatisticsKnowledgeBase.load()
    let frequency = TechniqueFrequency(IncidentRecord.all(in: kb), in: kb, grouping: .tactic)
    #expect(frequency.groups.map(\.key) == ["TA01", "TA03", "TA02"])
    #expect(frequency.groups.map(\.incidents) == [4, 1, 3])
    let phases = TechniqueFrequency(IncidentRecord.all(in: kb), in: kb, grouping: .phase)
    #expect(phases.groups.map(\.key) == ["P01", "P02"] && phases.groups.map(\.incidents) == [4, 3])
    let years = TechniqueFrequency(IncidentRecord.all(in: kb), in: kb, grouping: .field("year started"))
    #expect(years.groups.map(\.key) == ["2019", "2020", "2022", "(none)"])
    #expect(
      years.groups[1].techniques.first.map { ($0.id.string, $0.incidents, $0.share) } ?? ("", 0, 0) == ("T0001", 2, 1))
  }

  @Test func pairsCarryCountsJaccardAndLift() throws {
    let kb = try StatisticsKnowledgeBase.load()
    let pairs = TechniquePair.all(in: IncidentRecord.all(in: kb))
    let first = try #require(pairs.first)
    #expect(first.first.string == "T0001" && first.second.string == "T0002")
    #expect(first.together == 2 && first.firstCount == 3 && first.secondCount == 2)
    #expect(first.jaccard == 2.0 / 3.0)
    #expect(first.lift == 2.0 * 5.0 / 6.0)
    #expect(pairs.count == 4)
    let byLift = TechniquePair.all(in: IncidentRecord.all(in: kb), order: .lift)
    #expect(byLift.first.map { "\($0.first) \($0.second)" } == "T0002 T0003")
  }

  @Test func trendHasEveryYearBetweenTheFirstAndTheLast() throws {
    let kb = try StatisticsKnowledgeBase.load()
    let trend = YearTrend(IncidentRecord.all(in: kb), in: kb)
    #expect(trend.rows.map(\.year) == [2019, 2020, 2021, 2022, nil])
    #expect(trend.rows.map(\.incidents) == [1, 2, 0, 1, 1])
    #expect(trend.rows[1].techniqueUses == 4)
  }

  /// I00001 {1,2,3}: itself 1; I00002 {1,2}: 2/3; I00003 {1,4}: 1/4; I00004 {5}: nothing shared, not listed.
  @Test func matchListsTheIncidentFirstThenByJaccard() throws {
    let kb = try StatisticsKnowledgeBase.load()
    let records = IncidentRecord.all(in: kb)
    let query = try MatchQuery.resolve(["i00001"], in: kb, records: records)
    let matches = IncidentMatch.rank(query.techniques, among: records, asking: query.incident, top: 10)
    #expect(matches.map(\.incident.string) == ["I00001", "I00002", "I00003"])
    #expect(matches.map(\.similarity) == [1, 2.0 / 3.0, 1.0 / 4.0])
    #expect(matches[1].missing.map(\.string) == ["T0003"] && matches[2].extra.map(\.string) == ["T0004"])
    #expect(matches[2].shared.map(\.string) == ["T0001"])
    let byTechniques = try MatchQuery.resolve(["T0001,T0004"], in: kb, records: records)
    let found = IncidentMatch.rank(byTechniques.techniques, among: records, top: 2)
    #expect(found.map(\.incident.string) == ["I00003", "I00002"])
    #expect(throws: StatisticsError.self) { try MatchQuery.resolve(["I00005"], in: kb, records: records) }
    #expect(throws: StatisticsError.self) { try MatchQuery.resolve(["T0099"], in: kb, records: records) }
  }

  @Test func barsAreExactToAnEighth() {
    #expect(BarChart.bar(10, of: 10, width: 4) == "████")
    #expect(BarChart.bar(5, of: 10, width: 3) == "█▌")
    #expect(BarChart.bar(1, of: 1000, width: 3) == "▏")
    #expect(BarChart.bar(0, of: 10, width: 3) == "")
  }
}
