import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser
import DisarmTestSupport
import Foundation
import Testing

/// Every page of every reference corpus: counted, parsed without errors, and kept as exact source slices.
@Suite(.enabled(if: Corpus.available, Corpus.skipMessage), .serialized)
struct CorpusTests {
  static let knowledgeBases: [String: KnowledgeBase] = Dictionary(
    uniqueKeysWithValues: Corpus.available
      ? Corpus.names.map { ($0, try! KnowledgeBaseLoader.load(from: Corpus.pages($0).path)) } : [])

  @Test(arguments: Corpus.names)
  func everyObjectPageBecomesOneObject(corpus: String) throws {
    let kb = try #require(Self.knowledgeBases[corpus])
    for kind in ObjectKind.pageKinds {
      let folder = Corpus.pages(corpus).appendingPathComponent(kind.folder)
      let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
      let rejected = kb.unassigned.filter { $0.page.path.hasPrefix(kind.folder + "/") }
      #expect(kb.objects(of: kind).count == files.count - rejected.count, "\(corpus) \(kind.folder)")
    }
  }

  /// The only pages that do not become objects are the junk files (how the linter reports them is tested in
  /// DisarmLintTests, `CorpusFindingsTests`), and every page follows a template.
  @Test(arguments: Corpus.names)
  func onlyJunkFilesAreLeftUnassigned(corpus: String) throws {
    let kb = try #require(Self.knowledgeBases[corpus])
    let junk = Set(kb.unassigned.map(\.page.path))
    let expectedJunk = ["incidents/.md", "techniques/T0039 .md"].filter {
      FileManager.default.fileExists(atPath: Corpus.pages(corpus).appendingPathComponent($0).path)
    }
    #expect(junk == Set(expectedJunk))
    let templated = kb.objects.values.compactMap(\.page).filter { $0.template != .unrecognised }
    #expect(templated.count == kb.objects.values.filter { $0.page != nil }.count, "every page follows a template")
  }

  @Test(arguments: Corpus.names)
  func everyPartIsTheExactSourceSlice(corpus: String) throws {
    let kb = try #require(Self.knowledgeBases[corpus])
    var checked = 0
    for page in kb.objects.values.compactMap(\.page) + kb.unassignedPages {
      func check(_ text: SourceText?, _ what: String) {
        guard let text else { return }
        let slice = Array(page.file.bytes[text.range.offsets])
        #expect(slice == Array(text.text.utf8), "\(page.path): \(what) at \(text.range.start)")
        #expect(page.file.position(at: text.range.start.offset) == text.range.start)
        checked += 1
      }
      check(page.heading?.line, "heading")
      check(page.heading?.identifier, "heading identifier")
      check(page.heading?.name, "heading name")
      for field in page.fields {
        check(field.value, "field \(field.label)")
        check(field.separator, "separator of \(field.label)")
      }
      for table in page.tables {
        check(table.header, "table header")
        check(table.delimiter, "table delimiter")
        for row in table.rows {
          check(row.source, "row")
          for cell in row.cells { check(cell, "cell") }
          for link in row.links {
            check(link.text, "link text")
            check(link.destination, "link destination")
          }
        }
      }
      for reference in page.references {
        check(reference.code, "reference")
        check(reference.name, "reference name")
      }
      for other in page.otherText { check(other, "other text") }
      if let notes = page.notes {
        #expect(Array(page.file.bytes[notes.markerOffset...]) == notes.tail)
      }
    }
    #expect(checked > 10_000)
  }

  @Test(arguments: Corpus.names)
  func stalePagesAreExactlyThoseTheIndexDoesNotList(corpus: String) throws {
    let kb = try #require(Self.knowledgeBases[corpus])
    for kind in ObjectKind.pageKinds {
      let index = Corpus.pages(corpus).appendingPathComponent("\(kind.folder)_index.md")
      guard let text = try? String(contentsOf: index, encoding: .utf8) else { continue }
      // An independent reading of the index: every href to a page of this kind.
      let pattern = try Regex("href=\"\(kind.folder)/([^\"]+)\\.md\"")
      let listed = Set(text.matches(of: pattern).map { String($0.output[1].substring!) })
      let expected = Set(kb.objects(of: kind).map(\.id.string).filter { !listed.contains($0) })
      let stale = Set(kb.objects(of: kind).filter(\.isStale).map(\.id.string))
      #expect(stale == expected, "\(corpus) \(kind.folder)")
    }
    #expect(kb[DisarmID("TA03")!]?.isStale == true)
    #expect(kb[DisarmID("TA04")!]?.isStale == true)
  }

  /// The same on every corpus tree, with each framework's own index pages (AMITT 2019's incidents.md, DISARM 2026's
  /// indexes of assessments and categories).
  @Test(arguments: Corpus.allTrees.map(\.name))
  func stalePagesAreThoseTheFrameworksIndexDoesNotList(tree: String) throws {
    let kb = try KnowledgeBaseLoader.load(from: Corpus.release(tree).path)
    var indexes = 0
    for kind in kb.framework.kinds {
      guard let folder = kind.folder, let index = kind.index else { continue }
      guard let text = try? String(contentsOf: Corpus.pageFolder(tree).appendingPathComponent(index), encoding: .utf8)
      else { continue }
      indexes += 1
      let pattern = try Regex("href=\"\(folder)/([^\"]+)\\.md\"")
      let listed = Set(text.matches(of: pattern).map { String($0.output[1].substring!) })
      let expected = Set(
        kb.objects(of: kind.role).filter { $0.page != nil }.map(\.id.string).filter { !listed.contains($0) })
      let stale = Set(kb.objects(of: kind.role).filter(\.isStale).map(\.id.string))
      #expect(stale == expected, "\(tree) \(folder)")
    }
    // AMITT's early-2021 trees have no index pages at all: nothing to find there.
    let folder = try FileManager.default.contentsOfDirectory(atPath: Corpus.pageFolder(tree).path)
    if folder.contains(where: { $0.hasSuffix("_index.md") }) {
      #expect(indexes >= 1, "\(tree) has at least one index page")
    }
  }

  @Test func techniquesAgreeWithTheOfficialSTIXBundle() throws {
    let kb = try #require(Self.knowledgeBases["disarm-2025-02-10"])
    let bundle = try JSONSerialization.jsonObject(with: Data(contentsOf: Corpus.stixOracle)) as! [String: Any]
    let objects = bundle["objects"] as! [[String: Any]]
    func externalID(_ object: [String: Any]) -> String? {
      ((object["external_references"] as? [[String: Any]])?.first?["external_id"]) as? String
    }
    var tacticByShortName: [String: String] = [:]
    var techniqueByStixID: [String: String] = [:]
    for object in objects where object["type"] as? String == "x-mitre-tactic" {
      tacticByShortName[object["x_mitre_shortname"] as! String] = externalID(object)
    }
    var compared = 0
    for object in objects where object["type"] as? String == "attack-pattern" {
      let code = try #require(externalID(object))
      techniqueByStixID[object["id"] as! String] = code
      let technique = try #require(kb[DisarmID(code)!], "\(code) missing")
      #expect(technique.name == object["name"] as? String, "\(code) name")
      let phase = ((object["kill_chain_phases"] as? [[String: Any]])?.first?["phase_name"]) as? String
      #expect(kb.tactic(of: technique.id)?.string == phase.flatMap { tacticByShortName[$0] }, "\(code) tactic")
      #expect(technique.id.isSubtechnique == (object["x_mitre_is_subtechnique"] as? Bool), "\(code) sub-technique flag")
      compared += 1
    }
    for object in objects where object["relationship_type"] as? String == "subtechnique-of" {
      let child = try #require(techniqueByStixID[object["source_ref"] as! String])
      let parent = try #require(techniqueByStixID[object["target_ref"] as! String])
      #expect(kb.outgoing(DisarmID(child)!, .parent).map(\.target.string) == [parent])
    }
    #expect(compared == 391)
    #expect(kb.objects(of: .technique).filter { !$0.isStale }.count == compared)
  }

  @Test func templatesAreDetectedPerKnowledgeBase() throws {
    #expect(Self.knowledgeBases["disarm-2022-07-02"]?.template == .generation2022)
    #expect(Self.knowledgeBases["disarm-2024-11-22"]?.template == .generation2022)
    #expect(Self.knowledgeBases["disarm-2025-02-10"]?.template == .generation2025)
  }

  /// The release's known defects are in the model as read: prose references to identifiers that do not exist.
  @Test func knownDefectsAreRecorded() throws {
    let kb = try #require(Self.knowledgeBases["disarm-2025-02-10"])
    let unresolved = Set(
      kb.orderedObjects.flatMap { kb.references(of: $0.id) }.filter { !$0.isResolved }.map(\.reference.code.text))
    #expect(unresolved.isSuperset(of: ["T0143.208", "T1708"]))
  }
}
