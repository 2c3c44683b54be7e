import DisarmBrowsing
import DisarmExports
import DisarmLint
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmTestSupport
import Foundation
import Testing

/// What the object-page corpus tests share beyond ``Corpus``.
enum ObjectPageCorpus {
  static let skipMessage: Comment = "../shared/corpus is absent: object-page corpus tests skipped"

  /// The objects `PageRenderer` hands to the object renderer: live, with a page, no errors, no misplaced text.
  static func regenerable(_ kb: KnowledgeBase) -> [DisarmObject] {
    let errorFiles = Set(Linter.check(kb).diagnostics.filter { $0.severity == .error }.map(\.file))
    return kb.objects.values.filter { object in
      guard let page = object.page else { return false }
      return !object.isStale && !errorFiles.contains(page.path) && page.otherText.isEmpty
    }.sorted { $0.id < $1.id }
  }
}

@Suite(.enabled(if: Corpus.available, ObjectPageCorpus.skipMessage))
struct ObjectPageCorpusTests {
  /// Every live object page of a release, rendered from the model, is byte-identical to the page DISARM's generator
  /// wrote, except the pages listed (with a reason) in the corpus's exceptions file, which must still differ.
  @Test(arguments: Corpus.allTrees.map(\.name))
  func objectPagesRegenerateByteIdentically(corpus: String) throws {
    // AMITT keeps its pages at the top of the repository, DISARM in generated_pages/.
    let kb = try KnowledgeBaseLoader.load(from: Corpus.release(corpus).path)
    let exceptions = try EmitterFixtures.exceptions(file: corpus)
    // The real pipeline: what `disarm build` would write for this knowledge base.
    let rendered = Dictionary(uniqueKeysWithValues: PageRenderer.render(kb).pages.map { ($0.path, $0.bytes) })
    var identical = 0
    var differing: [String] = []
    let live = kb.objects.values.compactMap { $0.isStale ? nil : $0.page } + kb.unassignedPages
    for page in live.sorted(by: { $0.path < $1.path }) {
      if let bytes = rendered[page.path], bytes == page.file.bytes {
        identical += 1
        if let reason = exceptions[page.path] {
          Issue.record("\(corpus)/\(page.path) is listed as an exception (\(reason)) but now regenerates identically")
        }
      } else {
        differing.append(page.path)
        if exceptions[page.path] == nil {
          let what = rendered[page.path] == nil ? "is not regenerated" : "differs from its regenerated form"
          Issue.record("\(corpus)/\(page.path) \(what)")
        }
      }
    }
    #expect(identical > 140, "only \(identical) pages compared identical in \(corpus)")
    #expect(differing.count == exceptions.count, "every listed exception still differs")
  }

  /// Migration: a 2022-template release rendered in the 2025 form and back gives its own pages again.
  @Test func migrationRoundTripsThroughTheOtherTemplate() throws {
    let kb = try KnowledgeBaseLoader.load(from: Corpus.pages("disarm-2024-11-22").path)
    let techniques = ObjectPageCorpus.regenerable(kb).filter { $0.kind == .technique }
    for object in techniques.prefix(40) {
      let page = try #require(object.page)
      let migrated = try #require(ObjectPageRenderer.render(object, in: kb, template: .generation2025))
      let text = String(decoding: migrated, as: UTF8.self)
      #expect(text.contains("\n\n**Tactic**: "), "\(page.path)")
      #expect(text.contains("| Associated Technique | Description |"), "\(page.path)")
      #expect(ObjectPageRenderer.render(object, in: kb, template: .generation2022) == page.file.bytes, "\(page.path)")
    }
  }
}

/// The sample knowledge base in `data/` (2025 template) regenerates byte for byte.
@Suite struct ObjectPageSampleTests {
  @Test func sampleObjectPagesRegenerateByteIdentically() throws {
    let kb = try KnowledgeBaseLoader.load(from: TestSupport.sampleData.path)
    let objects = ObjectPageCorpus.regenerable(kb)
    #expect(objects.count == kb.objects.values.filter { $0.page != nil }.count)
    for object in objects {
      let page = try #require(object.page)
      #expect(ObjectPageRenderer.render(object, in: kb, template: .generation2025) == page.file.bytes, "\(page.path)")
    }
  }
}

/// Small knowledge bases written in the test: derived places follow their owners.
@Suite struct ObjectPageRendererTests {
  static let marker = Notes.marker
  static let link = "../../generated_pages"

  static func tactic(_ id: String = "TA01", _ name: String = "Plan Strategy", techniques: [String] = []) -> String {
    let rows = techniques.map { "| [\($0)](\(link)/techniques/\($0.prefix { $0 != " " }).md) |\n" }.joined()
    return """
      # Tactic \(id): \(name)

      * **Summary:** About \(name).

      * **Belongs to phase:** P01



      | Tasks |
      | ----- |



      | Techniques |
      | ---------- |
      \(rows)


      | Counters | Response types |
      | -------- | -------------- |


      \(marker)
      """
  }

  static func technique2025(
    _ id: String, _ name: String, tactic: String = "TA01 Plan Strategy", parent: String? = nil, incidents: [String] = []
  ) -> String {
    let parentPart = parent.map { "<br><br>**Parent Technique:** \($0)" } ?? ""
    return """
      # Technique \(id): \(name)

      **Summary**: About \(name).

      **Tactic**: \(tactic) \(parentPart)


      | Associated Technique | Description |
      | --------- | ------------------------- |



      | Incident | Descriptions given for this incident |
      | -------- | -------------------- |
      \(incidents.map { $0 + "\n" }.joined())


      | Counters | Response types |
      | -------- | -------------- |


      \(marker)
      """
  }

  static func technique2022(_ id: String, _ name: String, tactic: String = "TA01", incidents: [String] = []) -> String {
    """
    # Technique \(id): \(name)

    * **Summary**: About \(name).

    * **Belongs to tactic stage**: \(tactic)


    | Incident | Descriptions given for this incident |
    | -------- | -------------------- |
    \(incidents.map { $0 + "\n" }.joined())


    | Counters | Response types |
    | -------- | -------------- |


    \(marker)
    """
  }

  /// An incident page in the 2025 layout with technique rows `(id, name as written, description)`.
  static func incident(_ id: String, _ name: String, rows: [(String, String, String)], notes: String = "") -> String {
    let body = rows.map { "| [\($0.0) \($0.1)](\(link)/techniques/\($0.0).md) | \($0.2) |\n" }.joined()
    return """
      # Incident \(id): \(name)

      * **Summary:** About \(name).

      * **incident type**: campaign

      * **Year started:** 2020

      * **Countries:** UK , UK

      * **Found via:** 

      * **Date added:** 2025-01-01


      | Reference | Pub Date | Authors | Org | Archive |
      | --------- | -------- | ------- | --- | ------- |

       

      | Technique | Description given for this incident |
      | --------- | ------------------------- |
      \(body)

      \(marker)
      """ + notes
  }

  static func indexPage(_ folder: String, _ ids: [String]) -> String {
    "# DISARM \(folder):\n\n<table border=\"1\">\n<tr>\n<th>disarm_id</th>\n<th>name</th>\n</tr>\n"
      + ids.map { "<tr>\n<td><a href=\"\(folder)/\($0).md\">\($0)</a></td>\n<td>x</td>\n</tr>\n" }.joined()
      + "</table>\n"
  }

  static func load(_ pages: [String: String]) throws -> KnowledgeBase { try TemporaryKnowledgeBase.load(pages) }

  static func render(_ id: String, in kb: KnowledgeBase, template: KnowledgeBase.Template = .generation2025) throws
    -> String
  {
    let identifier = try #require(DisarmID(id))
    let object = try #require(kb[identifier])
    let bytes = try #require(ObjectPageRenderer.render(object, in: kb, template: template))
    return String(decoding: bytes, as: UTF8.self)
  }

  static let basePages: [String: String] = [
    "phases/P01.md": "# Phase P01: Plan\n\n* **Summary:** Plan.\n\n\(marker)",
    "tactics/TA01.md": tactic(techniques: ["T0001 Old Name", "T0002 Second"]),
    "techniques/T0001.md": technique2025(
      "T0001", "Old Name", incidents: ["| [I00001 First incident](\(link)/incidents/I00001.md) | Used it. |"]),
    "techniques/T0002.md": technique2025("T0002", "Second"),
    "incidents/I00001.md": incident("I00001", "First incident", rows: [("T0001", "Old Name", "Used it.")]),
  ]

  @Test func unchangedPagesRegenerateIdentically() throws {
    let kb = try Self.load(Self.basePages)
    for (path, text) in Self.basePages {
      let id = String(path.split(separator: "/")[1].dropLast(3))
      #expect(try Self.render(id, in: kb) == text, "\(path)")
    }
  }

  @Test func renamingATechniqueChangesLinkTextsOnTacticAndIncidentPages() throws {
    var pages = Self.basePages
    pages["techniques/T0001.md"] = Self.technique2025("T0001", "New Name")
    let kb = try Self.load(pages)
    let tactic = try Self.render("TA01", in: kb)
    #expect(tactic.contains("| [T0001 New Name](../../generated_pages/techniques/T0001.md) |\n"))
    #expect(!tactic.contains("Old Name"))
    let incident = try Self.render("I00001", in: kb)
    #expect(incident.contains("| [T0001 New Name](../../generated_pages/techniques/T0001.md) | Used it. |\n"))
    #expect(!incident.contains("Old Name"))
  }

  @Test func anIncidentGainingATechniqueRowAddsARowToTheTechniquePage() throws {
    var pages = Self.basePages
    let before = try Self.render("T0002", in: try Self.load(pages))
    #expect(!before.contains("I00001"))
    pages["incidents/I00001.md"] = Self.incident(
      "I00001", "First incident", rows: [("T0001", "Old Name", "Used it."), ("T0002", "Second", "Also this.")])
    pages["incidents/I00002.md"] = Self.incident(
      "I00002", "Second incident", rows: [("T0002", "Second", "One way."), ("T0002", "Second", "another way.")])
    let after = try Self.render("T0002", in: try Self.load(pages))
    let table = """
      | Incident | Descriptions given for this incident |
      | -------- | -------------------- |
      | [I00001 First incident](../../generated_pages/incidents/I00001.md) | Also this. |
      | [I00002 Second incident](../../generated_pages/incidents/I00002.md) | One way., another way. |


      """
    #expect(after.contains(table))
  }

  @Test func staleIncidentsAreLeftOutOfDerivedTables() throws {
    var pages = Self.basePages
    pages["incidents/I00002.md"] = Self.incident("I00002", "Dropped", rows: [("T0001", "Old Name", "Gone.")])
    pages["incidents_index.md"] = Self.indexPage("incidents", ["I00001"])
    let kb = try Self.load(pages)
    let dropped = try #require(DisarmID("I00002"))
    #expect(kb[dropped]?.isStale == true)
    let technique = try Self.render("T0001", in: kb)
    #expect(technique.contains("I00001"))
    #expect(!technique.contains("I00002"))
  }

  @Test(arguments: [
    "\n\nPlain notes.\n",
    "\n\(Notes.marker)\nA second marker line is just notes.\n",
    "\nno trailing newline",
    "   \r\n\u{00E9}t\u{00E9} \u{1F600} — «notes» in 日本語\n\n\n",
    "\n<div class=\"x\"><b>HTML</b> & <script>alert(1)</script></div>\n| not | a table |\n# not a heading\n",
    "",
  ])
  func notesTailsAreCopiedExactly(tail: String) throws {
    var pages = Self.basePages
    pages["incidents/I00001.md"] =
      Self.incident("I00001", "First incident", rows: [("T0001", "Old Name", "Used it.")]) + tail
    let kb = try Self.load(pages)
    let incident = try #require(DisarmID("I00001"))
    let page = try #require(kb[incident]?.page)
    let rendered = try Self.render("I00001", in: kb)
    #expect(rendered.hasSuffix(Notes.marker + tail))
    #expect(Array(rendered.utf8) == page.file.bytes)
  }

  @Test func aPageWithoutMarkerGetsTheStandardMarker() throws {
    var pages = Self.basePages
    pages["phases/P01.md"] = "# Phase P01: Plan\n\n* **Summary:** Plan.\n"
    let kb = try Self.load(pages)
    #expect(try Self.render("P01", in: kb) == "# Phase P01: Plan\n\n* **Summary:** Plan.\n\n\(Notes.marker)")
  }

  @Test func migrating2022To2025WritesTheTacticAndParentNamesAndAnAssociatedTable() throws {
    let row = "| [I00001 First incident](../../generated_pages/incidents/I00001.md) | Used it. |"
    let pages = [
      "tactics/TA01.md": Self.tactic(techniques: ["T0001 Parent", "T0001.001 Child"]),
      "techniques/T0001.md": Self.technique2022("T0001", "Parent"),
      "techniques/T0001.001.md": Self.technique2022("T0001.001", "Child", incidents: [row]),
      "incidents/I00001.md": Self.incident("I00001", "First incident", rows: [("T0001.001", "Child", "Used it.")]),
    ]
    let kb = try Self.load(pages)
    #expect(try Self.render("T0001.001", in: kb, template: .generation2022) == pages["techniques/T0001.001.md"])
    let migrated = try Self.render("T0001.001", in: kb, template: .generation2025)
    let expected = """
      # Technique T0001.001: Child

      **Summary**: About Child.

      **Tactic**: TA01 Plan Strategy <br><br>**Parent Technique:** T0001 Parent


      | Associated Technique | Description |
      | --------- | ------------------------- |



      | Incident | Descriptions given for this incident |
      | -------- | -------------------- |
      \(row)



      | Counters | Response types |
      | -------- | -------------- |


      \(Self.marker)
      """
    #expect(migrated == expected)
    let parent = try Self.render("T0001", in: kb, template: .generation2025)
    #expect(parent.contains("\n**Tactic**: TA01 Plan Strategy \n"))
  }

  @Test func migrating2025To2022WritesTheBulletedFields() throws {
    let kb = try Self.load(Self.basePages)
    let page = try Self.render("T0001", in: kb, template: .generation2022)
    let head =
      "# Technique T0001: Old Name\n\n* **Summary**: About Old Name.\n\n"
      + "* **Belongs to tactic stage**: TA01\n\n\n"
    #expect(page.hasPrefix(head + "| Incident |"))
  }

  @Test func countersTablesFollowTheCounterPages() throws {
    var pages = Self.basePages
    pages["counters/C00001.md"] = """
      # Counter C00001: Second counter

      * **Summary**: S.

      * **Playbooks**: 

      * **Metatechnique**: M001 - Resilience

      * **Resources needed:** 

      * **Belongs to tactic stage**: TA01


      | Actor types | Sectors |
      | ----------- | ------- |



      | Counters these Tactics |
      | ---------------------- |



      | Counters these Techniques |
      | ------------------------- |
      | [T0002 Second](../../generated_pages/techniques/T0002.md) |



      | Seen in incidents |
      | ----------------- |


      \(Self.marker)
      """
    pages["counters_index.md"] =
      "<table>\n<tr>\n<th>disarm_id</th>\n<th>name</th>\n<th>responsetype</th>\n</tr>\n"
      + "<tr>\n<td><a href=\"counters/C00001.md\">C00001</a></td>\n<td>x</td>\n<td>D03</td>\n</tr>\n</table>\n"
    let kb = try Self.load(pages)
    let row = "| [C00001 Second counter](../../generated_pages/counters/C00001.md) | D03 |\n"
    #expect(try Self.render("T0002", in: kb).contains(row))
    #expect(!(try Self.render("T0001", in: kb).contains(row)))
    #expect(try Self.render("TA01", in: kb).contains(row))
    #expect(try Self.render("C00001", in: kb) == pages["counters/C00001.md"])
  }
}
