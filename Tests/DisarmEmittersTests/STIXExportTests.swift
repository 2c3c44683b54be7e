import DisarmBrowsing
import DisarmExports
import DisarmFramework
import DisarmLint
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmTestSupport
import Foundation
import Testing

/// The STIX 2.1 export (`disarm export stix`): golden bundle of `data/`, identifiers, dates, kill chains, stale
/// pages, and the comparison with the DISARM Foundation's own bundle of 2025-02-10.
@Suite struct STIXExportTests {
  static let data = TestSupport.sampleData.path

  static func bundle(_ kb: KnowledgeBase, killChain: STIXKillChain = .mitreAttack) -> [UInt8] {
    STIXBundle.bytes(for: kb, options: .init(killChain: killChain, date: STIXDate.newestDateAdded(in: kb)))
  }

  static func objects(_ bytes: [UInt8]) throws -> [[String: Any]] {
    let document = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    return try #require(document["objects"] as? [[String: Any]])
  }

  static func externalID(_ object: [String: Any]) -> String? {
    ((object["external_references"] as? [[String: Any]])?.first)?["external_id"] as? String
  }

  @Test func sampleBundleMatchesGolden() throws {
    let kb = try KnowledgeBaseLoader.load(from: Self.data)
    try EmitterFixtures.golden.check(Self.bundle(kb), against: "Exports/data.stix.json")
  }

  @Test func exportingTwiceGivesIdenticalBytes() throws {
    let first = Self.bundle(try KnowledgeBaseLoader.load(from: Self.data))
    let second = Self.bundle(try KnowledgeBaseLoader.load(from: Self.data))
    #expect(first == second)
  }

  @Test func identifiersAreNameBasedInTheDocumentedNamespace() throws {
    #expect(STIXIdentifiers.namespace.description == "db0ff757-ffec-57f1-b087-7c7fb134d12b")
    let technique = try #require(DisarmID("T0151.008"))
    // Python: uuid.uuid5(uuid.UUID("db0ff757-ffec-57f1-b087-7c7fb134d12b"), "T0151.008")
    let expected = "attack-pattern--67eec6c3-d3e1-5cbc-89ca-39130659c699"
    #expect(STIXIdentifiers.id("attack-pattern", for: technique) == expected)
    let objects = try Self.objects(Self.bundle(try KnowledgeBaseLoader.load(from: Self.data)))
    let pattern = try #require(
      objects.first { Self.externalID($0) == "T0151.008" && $0["type"] as? String == "attack-pattern" })
    #expect(pattern["id"] as? String == STIXIdentifiers.id("attack-pattern", for: technique))
    // Objects that mitreattack-python reads as STIX 2.0 carry version 4; the others version 5.
    for object in objects {
      let type = try #require(object["type"] as? String)
      let id = try #require(object["id"] as? String)
      let version = id[id.index(id.startIndex, offsetBy: type.count + 2 + 14)]
      #expect(version == (STIXIdentifiers.stix20Types.contains(type) ? "4" : "5"), "\(id)")
    }
  }

  @Test func datesComeFromTheKnowledgeBaseNeverTheClock() throws {
    #expect(STIXDate("2025-02-10")?.timestamp == "2025-02-10T00:00:00.000Z")
    #expect(STIXDate("2024-02-29") != nil)
    for bad in ["2023-02-29", "2025-13-01", "2025-1-01", "20250101", "2025-01-01T00:00:00Z", ""] {
      #expect(STIXDate(bad) == nil, "\(bad)")
    }
    let kb = try KnowledgeBaseLoader.load(from: Self.data)
    #expect(STIXDate.newestDateAdded(in: kb).description == "2025-01-15")
    let bytes = STIXBundle.bytes(for: kb, options: .init(date: STIXDate("2024-06-30")!))
    for object in try Self.objects(bytes) {
      #expect(object["created"] as? String == "2024-06-30T00:00:00.000Z")
      if object["type"] as? String != "marking-definition" {
        #expect(object["modified"] as? String == "2024-06-30T00:00:00.000Z")
      }
    }
  }

  @Test func tacticShortNamesFollowTheOfficialRule() {
    #expect(TacticShortName.make("Persist in the Information Environment") == "persist-in-the-information-environment")
    #expect(TacticShortName.make("Select Channels and Affordances") == "select-channels-and-affordances")
    #expect(TacticShortName.make("  Plan / Strategy  ") == "plan-strategy")
  }

  @Test func killChainOptionSwitchesNameAndSource() throws {
    let kb = try KnowledgeBaseLoader.load(from: Self.data)
    for killChain in STIXKillChain.allCases {
      let objects = try Self.objects(Self.bundle(kb, killChain: killChain))
      let patterns = objects.filter { $0["type"] as? String == "attack-pattern" }
      #expect(!patterns.isEmpty)
      for pattern in patterns {
        let phases = try #require(pattern["kill_chain_phases"] as? [[String: Any]])
        #expect(phases.map { $0["kill_chain_name"] as? String } == [killChain.rawValue])
        let reference = try #require((pattern["external_references"] as? [[String: Any]])?.first)
        #expect(reference["source_name"] as? String == (killChain == .mitreAttack ? "mitre-attack" : "DISARM"))
      }
    }
  }

  @Test func matrixListsTacticsInFrameworkOrderAndEveryPhaseIsATactic() throws {
    let kb = try KnowledgeBaseLoader.load(from: Self.data)
    let objects = try Self.objects(Self.bundle(kb))
    let tactics = objects.filter { $0["type"] as? String == "x-mitre-tactic" }
    let matrix = try #require(objects.first { $0["type"] as? String == "x-mitre-matrix" })
    let byID = Dictionary(uniqueKeysWithValues: tactics.map { ($0["id"] as! String, $0) })
    let order = try #require(matrix["tactic_refs"] as? [String]).compactMap { byID[$0].flatMap(Self.externalID) }
    #expect(order == kb.tacticsInPhaseOrder.map(\.string))
    let shortNames = Set(tactics.compactMap { $0["x_mitre_shortname"] as? String })
    for pattern in objects where pattern["type"] as? String == "attack-pattern" {
      for phase in pattern["kill_chain_phases"] as? [[String: Any]] ?? [] {
        #expect(shortNames.contains(phase["phase_name"] as? String ?? ""))
      }
    }
  }
}

/// The export of the reference corpora: no stale page, and the comparison with the official bundle.
@Suite(.enabled(if: Corpus.available, "../shared/corpus is absent: STIX corpus tests skipped"))
struct STIXCorpusExportTests {
  @Test(arguments: Corpus.names)
  func stalePagesAreNotExported(corpus: String) throws {
    let kb = try KnowledgeBaseLoader.load(from: Corpus.release(corpus).path)
    let exported = Set(try STIXExportTests.objects(STIXExportTests.bundle(kb)).compactMap(STIXExportTests.externalID))
    let stale = kb.objects.values.filter(\.isStale).map(\.id.string)
    #expect(!stale.isEmpty || corpus == "disarm-2025-02-10")
    for id in stale { #expect(!exported.contains(id), "\(id) is stale but exported") }
    let live = [ObjectKind.tactic, .technique, .counter, .incident].flatMap { kind in
      kb.objects(of: kind).filter { !$0.isStale }.map(\.id.string)
    }
    #expect(Set(live).isSubset(of: exported))
  }

  /// Technique IDs, names, tactic per technique and sub-technique links against
  /// `oracles/DISARM-stix-2025-02-10.json`, plus the matrix's tactic order; the report is pinned by a golden file
  /// and explained in docs/EXPORTS.md.
  @Test func comparisonWithTheOfficialBundleIsPinned() throws {
    let oracleURL = Corpus.stixOracle
    let kb = try KnowledgeBaseLoader.load(from: Corpus.release("disarm-2025-02-10").path)
    let ours = try STIXExportTests.objects(STIXExportTests.bundle(kb))
    let theirs = try STIXExportTests.objects(Array(try Data(contentsOf: oracleURL)))
    try EmitterFixtures.golden.check(
      Array(Self.report(ours, theirs).utf8), against: "Exports/stix-oracle-2025-02-10.txt")
  }

  struct Technique: Equatable {
    var name: String
    var tactics: [String]
    var parent: String?
  }

  static func techniques(_ objects: [[String: Any]]) -> [String: Technique] {
    var ids: [String: String] = [:]
    var result: [String: Technique] = [:]
    for object in objects where object["type"] as? String == "attack-pattern" {
      guard let id = STIXExportTests.externalID(object) else { continue }
      ids[object["id"] as! String] = id
      let phases = (object["kill_chain_phases"] as? [[String: Any]] ?? []).compactMap { $0["phase_name"] as? String }
      result[id] = Technique(name: object["name"] as? String ?? "", tactics: phases.sorted(), parent: nil)
    }
    for object in objects where object["relationship_type"] as? String == "subtechnique-of" {
      if let source = ids[object["source_ref"] as! String], let target = ids[object["target_ref"] as! String] {
        result[source]?.parent = target
      }
    }
    return result
  }

  static func tacticOrder(_ objects: [[String: Any]]) -> [String] {
    let tactics = Dictionary(
      uniqueKeysWithValues: objects.filter { $0["type"] as? String == "x-mitre-tactic" }.map {
        ($0["id"] as! String, STIXExportTests.externalID($0) ?? "")
      })
    let matrix = objects.first { $0["type"] as? String == "x-mitre-matrix" }
    return (matrix?["tactic_refs"] as? [String] ?? []).compactMap { tactics[$0] }
  }

  static func report(_ ours: [[String: Any]], _ theirs: [[String: Any]]) -> String {
    let mine = techniques(ours)
    let official = techniques(theirs)
    var lines: [String] = []
    for id in Set(mine.keys).union(official.keys).sorted() {
      guard let a = mine[id] else {
        lines.append("\(id): only in the official bundle")
        continue
      }
      guard let b = official[id] else {
        lines.append("\(id): only in the export")
        continue
      }
      if a.name != b.name { lines.append("\(id): name: export \(a.name), official \(b.name)") }
      if a.tactics != b.tactics { lines.append("\(id): tactic: export \(a.tactics), official \(b.tactics)") }
      if a.parent != b.parent {
        lines.append("\(id): parent: export \(a.parent ?? "none"), official \(b.parent ?? "none")")
      }
    }
    let orderA = tacticOrder(ours)
    let orderB = tacticOrder(theirs)
    if orderA != orderB {
      lines.append("matrix tactic order: export \(orderA.joined(separator: " "))")
      lines.append("matrix tactic order: official \(orderB.joined(separator: " "))")
    }
    return "techniques: export \(mine.count), official \(official.count); \(lines.count) differences\n"
      + lines.map { $0 + "\n" }.joined()
  }
}
