import DisarmExports
import DisarmLint
import DisarmModel
import DisarmTestSupport
import Foundation
import Testing

/// Every corpus tree read with the description it follows; the DISARM 2026 Assessments tree in full.
@Suite(.enabled(if: Corpus.available, Corpus.skipMessage))
struct FrameworkCorpusTests {
  static let assessments = Corpus.pages("disarm-2026-07-19")

  @Test(arguments: Corpus.allTrees)
  func eachTreeIsReadWithItsFramework(tree: String, framework: String) throws {
    let kb = try KnowledgeBaseLoader.load(from: Corpus.release(tree).path)
    #expect(kb.framework.name == framework)
    // Every page in a kind folder of the framework is an object of that kind, or an unassigned (junk) page.
    for kind in kb.framework.kinds {
      guard let folder = kind.folder else { continue }
      let directory =
        (FileManager.default.fileExists(atPath: Corpus.pages(tree).path)
        ? Corpus.pages(tree)
        : Corpus.release(tree)).appendingPathComponent(folder)
      let pages = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".md") }
      let junk = kb.unassignedPages.filter { $0.kind == kind.role }.count
      #expect(kb.objects(of: kind.role).filter { $0.page != nil }.count == pages.count - junk, "\(tree) \(folder)")
    }
  }

  /// AMITT's trees have no error but their junk pages: AMITT 2021's links into `actors/` (an older copy of the actor
  /// types) name actor types, and that folder and its index are kept in the output as they are.
  @Test func amittTreesHaveNoErrorsButTheirJunkPages() throws {
    let old = try CheckedKnowledgeBase.load(Corpus.release("amitt-2019-10-15").path)
    #expect(old.count(.error) == 0, "\(old.diagnostics.filter { $0.severity == .error }.prefix(3))")
    let checked = try CheckedKnowledgeBase.load(Corpus.release("amitt-2021-10-21").path)
    let errors = checked.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.file).sorted() == ["counters/.md", "tasks/.md"], "\(errors.prefix(3))")
    #expect(errors.allSatisfy { $0.rule.rawValue == "file-name-not-id" })
    #expect(checked.kb.keptFiles.count == 34, "actors/*.md and actors_index.md")
    #expect(checked.kb.keptFiles.contains { $0.path == "actors_index.md" })
  }

  @Test func theAssessmentsFrameworkIsReadWithoutAFinding() throws {
    let checked = try CheckedKnowledgeBase.load(Self.assessments.path)
    #expect(checked.kb.objects(of: .phase).count == 3)
    #expect(checked.kb.objects(of: .tactic).count == 6)
    #expect(checked.kb.objects(of: .technique).count == 140)
    #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics.prefix(3))")
    let kb = checked.kb
    let assessment = try #require(kb.id("A0001.003"))
    #expect(assessment.kind == .technique && assessment.parentTechnique?.string == "A0001")
    #expect(kb.tactic(of: assessment)?.string == "TA80")
    #expect(kb.words(.technique).withArticle == "an assessment")
    #expect(kb.id("A001")?.kind == .actorType)
  }

  /// `disarm export stix` agrees with the DISARM Foundation's own 2026 bundle on every attack-pattern: name, tactic
  /// (kill-chain phase), sub-technique flag, and every subtechnique-of link.
  @Test func theAssessmentsBundleAgreesWithTheOfficialOne() throws {
    let oracle = Corpus.oracles.appendingPathComponent("DISARM-stix-2026-07-20.json")
    let kb = try KnowledgeBaseLoader.load(from: Self.assessments.path)
    let ours = try Self.summary(Data(STIXBundle.bytes(for: kb, options: .init(date: STIXDate.newestDateAdded(in: kb)))))
    let theirs = try Self.summary(Data(contentsOf: oracle))
    #expect(ours.patterns.count == 140)
    #expect(ours.patterns == theirs.patterns)
    #expect(ours.subtechniques.count == 113)
    #expect(ours.subtechniques == theirs.subtechniques)
    #expect(ours.matrixName == "DISARM 2026 Assessments framework")
  }

  /// The MISP galaxy and Navigator layer of DISARM 2026 say assessments and categories, under their own types and
  /// UUIDs (not MISP's DISARM techniques galaxy).
  @Test func theAssessmentsGalaxyAndLayerUseTheFrameworksWords() throws {
    let kb = try KnowledgeBaseLoader.load(from: Self.assessments.path)
    let files = MISPExport.files(for: kb)
    #expect(files.map(\.path).contains("galaxies/disarm-assessments.json"))
    #expect(!files.map(\.path).contains("galaxies/disarm-techniques.json"))
    let galaxyFile = try #require(files.first { $0.path == "galaxies/disarm-assessments.json" })
    let galaxy = try #require(try JSONSerialization.jsonObject(with: Data(galaxyFile.bytes)) as? [String: Any])
    #expect(galaxy["name"] as? String == "Assessments")
    #expect((galaxy["kill_chain_order"] as? [String: Any])?.keys.sorted() == ["categories"])
    #expect(galaxy["uuid"] as? String != MISPIdentifiers.galaxy(.techniques).description)
    let layer = try #require(
      try JSONSerialization.jsonObject(with: Data(NavigatorLayer.bytes(for: kb, options: .init()))) as? [String: Any])
    #expect(layer["name"] as? String == "DISARM")
    let scored = try #require(
      try JSONSerialization.jsonObject(
        with: Data(NavigatorLayer.bytes(for: kb, options: .init(scoreByIncidents: true)))) as? [String: Any])
    #expect(scored["name"] as? String == "DISARM: assessments by number of incidents")
  }

  struct BundleSummary {
    var patterns: [String: String] = [:]
    var subtechniques: Set<String> = []
    var matrixName: String?
  }

  /// Each attack-pattern as `name | phase | sub`, by external id; each subtechnique-of link as `child>parent`.
  static func summary(_ data: Data) throws -> BundleSummary {
    let objects = try #require(
      (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["objects"] as? [[String: Any]])
    func externalID(_ object: [String: Any]) -> String {
      ((object["external_references"] as? [[String: Any]])?.compactMap { $0["external_id"] as? String }.first) ?? ""
    }
    var summary = BundleSummary()
    var codeByID: [String: String] = [:]
    for object in objects where object["type"] as? String == "attack-pattern" {
      let code = externalID(object)
      codeByID[object["id"] as? String ?? ""] = code
      let phase = ((object["kill_chain_phases"] as? [[String: Any]])?.first?["phase_name"] as? String) ?? ""
      summary.patterns[code] =
        "\(object["name"] as? String ?? "") | \(phase) | \(object["x_mitre_is_subtechnique"] as? Bool ?? false)"
    }
    for object in objects where object["relationship_type"] as? String == "subtechnique-of" {
      summary.subtechniques.insert(
        "\(codeByID[object["source_ref"] as? String ?? ""] ?? "?")>\(codeByID[object["target_ref"] as? String ?? ""] ?? "?")"
      )
    }
    summary.matrixName = objects.first { $0["type"] as? String == "x-mitre-matrix" }?["name"] as? String
    return summary
  }
}
