import DisarmBrowsing
import DisarmExports
import DisarmLint
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmTestSupport
import Foundation
import Testing

/// The reference corpora for whole-page regeneration, and the differences each is allowed to keep.
enum WholePageCorpus {
  static let skipMessage: Comment = "../shared/corpus is absent: whole-page corpus tests skipped"

  /// The whole pages (`*.md` at the root of the page folder) of a page folder, by file name.
  static func wholePages(in folder: URL) throws -> [String: [UInt8]] {
    var pages: [String: [UInt8]] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".md") {
      pages[name] = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }
    return pages
  }

  /// Compares the rendered whole pages of `kb` with the corpus's pages, allowing only the listed exceptions, and
  /// failing when a listed exception no longer differs.
  static func expectIdentical(_ kb: KnowledgeBase, to corpus: String, variant: String) throws {
    // Pages the knowledge base keeps as they are (AMITT 2021's actors_index.md) are not derived.
    let kept = Set(kb.keptFiles.map(\.path))
    let expected = try wholePages(in: Corpus.pageFolder(corpus)).filter { !kept.contains($0.key) }
    let exceptions = try EmitterFixtures.exceptions(file: corpus + "-whole")
    let rendered = Dictionary(uniqueKeysWithValues: WholePageRenderer.render(kb).map { ($0.path, $0.bytes) })
    // A listed exception may be a page that is not derived at all (written as read by `build --output`).
    let derivable = Set(expected.keys.filter { rendered[$0] != nil || exceptions[$0] == nil })
    #expect(Set(rendered.keys) == derivable, "\(corpus) (\(variant)): rendered page set")
    for (path, bytes) in expected.sorted(by: { $0.key < $1.key }) {
      let same = rendered[path] == bytes
      if let reason = exceptions[path] {
        #expect(!same, "\(corpus) (\(variant)) \(path) is listed as an exception (\(reason)) but is now identical")
      } else {
        #expect(same, "\(corpus) (\(variant)) \(path) differs from its regenerated form")
      }
    }
  }
}

/// Regenerating the whole pages of every corpus tree (AMITT 2019's matrix.md and incidents.md, AMITT 2021's and
/// DISARM's indexes, matrices and response-type tables) gives the published bytes.
@Suite(.enabled(if: Corpus.available, WholePageCorpus.skipMessage), .serialized)
struct WholePageCorpusTests {
  @Test(arguments: Corpus.allTrees.map(\.name))
  func wholePagesAreByteIdentical(corpus: String) throws {
    let kb = try KnowledgeBaseLoader.load(from: Corpus.pageFolder(corpus).path)
    try WholePageCorpus.expectIdentical(kb, to: corpus, variant: "as published")
  }

  /// Derived pages ignore stale objects, so removing the stale pages changes nothing.
  @Test(arguments: Corpus.allTrees.map(\.name))
  func wholePagesAreByteIdenticalWithoutStalePages(corpus: String) throws {
    let source = Corpus.pageFolder(corpus)
    let kb = try KnowledgeBaseLoader.load(from: source.path)
    let stale = Set(Linter.check(kb).diagnostics.filter { $0.rule.rawValue == "stale-page" }.map(\.file))
    if Corpus.names.contains(corpus) { #expect(!stale.isEmpty, "\(corpus) has stale pages (TA03, TA04 at least)") }
    let copy = TemporaryFolder.url("disarm-whole")
    defer { try? FileManager.default.removeItem(at: copy) }
    try FileManager.default.copyItem(at: source, to: copy)
    for path in stale { try FileManager.default.removeItem(at: copy.appendingPathComponent(path)) }
    let pruned = try KnowledgeBaseLoader.load(from: copy.path)
    #expect(!pruned.objects.values.contains { $0.isStale })
    try WholePageCorpus.expectIdentical(pruned, to: corpus, variant: "stale pages removed")
  }
}

/// The whole pages and extra files of the sample knowledge base in `data/`, which has no index pages but the
/// response-type and detection indexes: every derived page is still generated.
@Suite struct WholePageSampleTests {
  static let kb = try! KnowledgeBaseLoader.load(from: TestSupport.sampleData.path)

  @Test func everyWholePageIsGenerated() {
    let paths = WholePageRenderer.render(Self.kb).map(\.path)
    #expect(
      paths == [
        "actortypes_index.md", "counters_index.md", "detections_index.md", "disarm_blue_framework.md",
        "disarm_red_framework.md", "incidents_index.md", "metatechniques_by_responsetype_table.md",
        "metatechniques_index.md", "phases_index.md", "responsetype_index.md", "tactics_by_responsetype_table.md",
        "tactics_index.md", "tasks_index.md", "techniques_index.md",
      ])
  }

  /// `Golden.check` (``EmitterFixtures/golden``) writes a differing output to `<tmp>/actual-<name>`; make its folders exist for nested names.
  static func prepareActualFolders() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actual-WholePages/data")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  @Test func wholePagesMatchGolden() throws {
    try Self.prepareActualFolders()
    for page in WholePageRenderer.render(Self.kb) {
      try EmitterFixtures.golden.check(page.bytes, against: "WholePages/data/\(page.path)")
    }
  }

  @Test func extrasMatchGolden() throws {
    try Self.prepareActualFolders()
    let extras = WholePageRenderer.extras(Self.kb)
    #expect(
      extras.map(\.path) == [
        "generated_files/disarm_blue_framework_clickable.html", "generated_files/disarm_blue_framework_ids.csv",
        "generated_files/disarm_red_framework_clickable.html", "generated_files/disarm_red_framework_ids.csv",
      ])
    for file in extras {
      try EmitterFixtures.golden.check(
        file.bytes, against: "WholePages/\(file.path.replacingOccurrences(of: "generated_files/", with: ""))")
    }
  }

  @Test func renderingIsDeterministic() {
    #expect(WholePageRenderer.render(Self.kb) == WholePageRenderer.render(Self.kb))
    #expect(WholePageRenderer.extras(Self.kb) == WholePageRenderer.extras(Self.kb))
  }
}

/// Escaping, quoting, and derivation from the owning pages, on small knowledge bases.
@Suite struct WholePageRendererUnitTests {
  static let marker = SamplePages.marker

  /// ``SamplePages`` with the summary naming the identifier, as the expected pages below spell it.
  static func technique(_ id: String, _ name: String, tactic: String) -> String {
    SamplePages.technique(id, name, tactic: tactic, summary: "About \(id).")
  }

  static func tactic(_ id: String, _ name: String) -> String { SamplePages.tactic(id, name, summary: "About \(id).") }

  static func indexRow(_ folder: String, _ id: String, _ cells: [String]) -> String {
    "<tr>\n<td><a href=\"\(folder)/\(id).md\">\(id)</a></td>\n" + cells.map { "<td>\($0)</td>\n" }.joined() + "</tr>\n"
  }

  static func load(_ pages: [String: String]) throws -> KnowledgeBase { try TemporaryKnowledgeBase.load(pages) }

  static func page(_ path: String, in pages: [RenderedPage]) -> String {
    pages.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
  }

  @Test func clickableMatrixEscapesPageText() throws {
    let kb = try Self.load([
      "tactics/TA01.md": Self.tactic("TA01", "Plan & <b>Strategy</b>"),
      "techniques/T0001.md": Self.technique("T0001", "<script>&\"", tactic: "TA01"),
    ])
    let extras = WholePageRenderer.extras(kb)
    let html = Self.page("generated_files/disarm_red_framework_clickable.html", in: extras)
    #expect(html.contains("T0001 &lt;script&gt;&amp;&quot;</a>"))
    #expect(html.contains("TA01 Plan &amp; &lt;b&gt;Strategy&lt;/b&gt;</a>"))
    #expect(!html.contains("<script>"))
    #expect(!html.contains("<b>"))
    #expect(html.contains("href=\"../pages/techniques/T0001.md\""))
    #expect(html.hasPrefix("<!DOCTYPE html>\n"))
    #expect(html.hasSuffix("</html>\n"))
  }

  @Test func escapingHelpers() {
    #expect(HTMLEscaping.escape("<script>&\"'") == "&lt;script&gt;&amp;&quot;&#39;")
    #expect(HTMLEscaping.href("../pages/techniques/T0039 .md") == "../pages/techniques/T0039%20.md")
    #expect(HTMLEscaping.href("a/\"b\"<c>#d?.md") == "a/%22b%22%3Cc%3E%23d%3F.md")
  }

  @Test func csvQuotesCommasQuotesAndLineBreaks() {
    #expect(CSVTable.field("T0001") == "T0001")
    #expect(CSVTable.field("") == "")
    #expect(CSVTable.field("a,b") == "\"a,b\"")
    #expect(CSVTable.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSVTable.field("two\nlines") == "\"two\nlines\"")
    #expect(CSVTable.field("cr\rhere") == "\"cr\rhere\"")
    #expect(FrameworkGridCSV.record(["TA01", "x,y", ""]) == "TA01,\"x,y\",\r\n")
    let grid = FrameworkGrid(
      isRed: true,
      tactics: [
        .init(idText: "TA01", name: "A", folder: "tactics"), .init(idText: "TA,02", name: "B", folder: "tactics"),
      ],
      columns: [
        [.init(idText: "T\"1", name: "x", folder: "techniques"), .init(idText: "T2", name: "y", folder: "techniques")],
        [.init(idText: "T\n3", name: "z", folder: "techniques")],
      ])
    let csv = String(decoding: FrameworkGridCSV.render(grid), as: UTF8.self)
    #expect(csv == "TA01,\"TA,02\"\r\n\"T\"\"1\",\"T\n3\"\r\nT2,\r\n")
  }

  @Test func pagesAreDerivedFromOwnersAndIgnoreStaleObjects() throws {
    let techniquesIndex =
      "# DISARM Techniques:\n\n<table border=\"1\">\n<tr>\n<th>disarm_id</th>\n<th>name</th>\n<th>summary</th>\n"
      + "<th>tactic_id</th>\n</tr>\n" + Self.indexRow("techniques", "T0002", ["Old name", "Old summary", "TA09"])
      + Self.indexRow("techniques", "T0001", ["Old", "Old", "TA09"]) + "</table>\n"
    let kb = try Self.load([
      "tactics/TA01.md": Self.tactic("TA01", "First"),
      "tactics/TA02.md": Self.tactic("TA02", "Second"),
      "techniques/T0001.md": Self.technique("T0001", "One", tactic: "TA02"),
      "techniques/T0002.md": Self.technique("T0002", "Two", tactic: "TA01"),
      "techniques/T0003.md": Self.technique("T0003", "Dropped", tactic: "TA01"),
      "techniques_index.md": techniquesIndex,
    ])
    let pages = WholePageRenderer.render(kb)
    let index = Self.page("techniques_index.md", in: pages)
    // Names, summaries and tactics from the pages; order from the existing index; the stale T0003 left out.
    #expect(
      index.contains(
        Self.indexRow("techniques", "T0002", ["Two", "About T0002.", "TA01"])
          + Self.indexRow("techniques", "T0001", ["One", "About T0001.", "TA02"]) + "</table>\n"))
    #expect(!index.contains("T0003"))
    let red = Self.page("disarm_red_framework.md", in: pages)
    #expect(
      red.contains("<td><a href=\"tactics/TA01.md\">TA01 First</a></td>\n<td><a href=\"tactics/TA02.md\">TA02 Second"))
    #expect(
      red.contains(
        "<td><a href=\"techniques/T0002.md\">T0002 Two</a></td>\n<td><a href=\"techniques/T0001.md\">T0001 One</a></td>"
      ))
    #expect(!red.contains("Dropped"))
    let csv = Self.page("generated_files/disarm_red_framework_ids.csv", in: WholePageRenderer.extras(kb))
    #expect(csv == "TA01,TA02\r\nT0002,T0001\r\n")
  }

  @Test func counterTacticColumnKeepsIndexTextOnlyForTheSameTactic() throws {
    func counter(_ id: String, tactic: String) -> String {
      "# Counter \(id): Counter \(id)\n\n* **Summary**: S.\n\n* **Playbooks**: \n\n* **Metatechnique**: M004 - Friction"
        + "\n\n* **Resources needed:** \n\n* **Belongs to tactic stage**: \(tactic)\n\n\(Self.marker)"
    }
    let countersIndex =
      "# DISARM Counters:\n\n<table border=\"1\">\n<tr>\n<th>disarm_id</th>\n<th>name</th>\n<th>summary</th>\n"
      + "<th>metatechnique</th>\n<th>tactic</th>\n<th>responsetype</th>\n</tr>\n"
      + Self.indexRow("counters", "C00001", ["x", "x", "x", "TA01 Strategic Planning", "D02"])
      + Self.indexRow("counters", "C00002", ["x", "x", "x", "TA01 Strategic Planning", "D03"]) + "</table>\n"
    let kb = try Self.load([
      "tactics/TA01.md": Self.tactic("TA01", "Plan Strategy"),
      "tactics/TA02.md": Self.tactic("TA02", "Plan Objectives"),
      "counters/C00001.md": counter("C00001", tactic: "TA01"),
      "counters/C00002.md": counter("C00002", tactic: "TA02"),
      "counters_index.md": countersIndex,
    ])
    let pages = WholePageRenderer.render(kb)
    let index = Self.page("counters_index.md", in: pages)
    #expect(
      index.contains(
        Self.indexRow(
          "counters", "C00001", ["Counter C00001", "S.", "M004 - Friction", "TA01 Strategic Planning", "D02"])))
    #expect(
      index.contains(
        Self.indexRow("counters", "C00002", ["Counter C00002", "S.", "M004 - Friction", "TA02 Plan Objectives", "D03"]))
    )
    let table = Self.page("tactics_by_responsetype_table.md", in: pages)
    #expect(table.contains("<td>D02</td>\n<td>D03</td>\n<td>TOTALS</td></tr><tr>\n"))
    #expect(table.contains("<td>TOTALS</td>\n<td>1</td>\n<td>1</td>\n<td>2</td>\n</tr>\n</table>\n"))
  }

  @Test func indexKeepsRowsOfUnassignedPagesItListsAndMultiParagraphSummaries() throws {
    let techniquesIndex =
      "# DISARM Techniques:\n\n<table border=\"1\">\n<tr>\n<th>disarm_id</th>\n<th>name</th>\n<th>summary</th>\n"
      + "<th>tactic_id</th>\n</tr>\n" + Self.indexRow("techniques", "T0039 ", ["x", "x", "x"])
      + Self.indexRow("techniques", "T0040", ["x", "x", "x"]) + "</table>\n"
    let kb = try Self.load([
      "tactics/TA08.md": Self.tactic("TA08", "Pump"),
      "techniques/T0039 .md": Self.technique("T0039 ", "Bait", tactic: "TA08"),
      "techniques/T0040.md":
        "# Technique T0040: Two\n\n**Summary**: First part.\u{A0}\n\nSecond part.\n\n**Tactic**: TA08\n\n\n\(Self.marker)",
      "techniques_index.md": techniquesIndex,
    ])
    let pages = WholePageRenderer.render(kb)
    #expect(
      Self.page("techniques_index.md", in: pages).contains(
        Self.indexRow("techniques", "T0039 ", ["Bait", "About T0039 .", "TA08"])
          + Self.indexRow("techniques", "T0040", ["Two", "First part.\u{A0}\n\nSecond part.", "TA08"])))
    #expect(
      Self.page("disarm_red_framework.md", in: pages).contains(
        "<td><a href=\"techniques/T0039 .md\">T0039  Bait</a></td>\n</tr>\n<tr>\n"
          + "<td><a href=\"techniques/T0040.md\">T0040 Two</a></td>\n</tr>\n<tr>\n</tr>\n</table>\n"))
  }
}
