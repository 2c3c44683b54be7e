import DisarmModel
import DisarmSite
import DisarmTestSupport
import DisarmVersions
import Foundation
import Testing

/// The static site's pages, built in memory: what they hold, that they are deterministic, and that page text is
/// shown inert.
@Suite struct SiteBuilderTests {
  static let sample = try! KnowledgeBaseLoader.load(from: TestSupport.sampleData.path)

  static func text(_ files: [SiteFile], _ path: String) -> String? {
    files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
  }

  @Test func everyLiveObjectHasAPageAndTheHomePageShowsEveryTechniqueInItsTactic() throws {
    let kb = Self.sample
    let files = SiteBuilder.files(for: kb)
    let paths = Set(files.map(\.path))
    for object in kb.objects.values where !object.isStale && object.kind != .responseType && object.kind != .detection {
      #expect(paths.contains("\(object.kind.folder)/\(object.id).html"), "\(object.id)")
    }
    let home = try #require(Self.text(files, "index.html"))
    // Each tactic's column (a <td> in tactic order) holds exactly that tactic's techniques.
    let columns = home.components(separatedBy: "<td><ul>").dropFirst().map {
      $0.components(separatedBy: "</ul></td>")[0]
    }
    let tactics = kb.tacticOrder.filter { kb[$0].map { !$0.isStale } ?? false }
    #expect(columns.count >= tactics.count)
    for (index, tactic) in tactics.enumerated() {
      let members = kb.objects(of: .technique).filter { !$0.isStale && kb.tactic(of: $0.id) == tactic }
      for member in members {
        #expect(columns[index].contains("techniques/\(member.id).html"), "\(member.id) under \(tactic)")
      }
    }
    for required in ["search.html", "assets/site.css", "assets/site.js", "assets/search-index.js"] {
      #expect(paths.contains(required), "\(required)")
    }
  }

  /// A technique's page lists the incidents `disarm show` lists, with the pair's description.
  @Test func aTechniquePageListsItsIncidentsWithTheirDescriptions() throws {
    let kb = Self.sample
    let page = try #require(Self.text(SiteBuilder.files(for: kb), "techniques/T0151.008.html"))
    let incidents = Set(kb.incoming(DisarmID("T0151.008")!, .usesTechnique).map(\.source))
    #expect(!incidents.isEmpty)
    for incident in incidents { #expect(page.contains("../incidents/\(incident).html"), "\(incident)") }
    #expect(page.contains("<h1><span class=\"kind\">Technique</span> <span class=\"id\">T0151.008</span> "))
  }

  @Test func twoBuildsGiveTheSameBytes() {
    #expect(SiteBuilder.files(for: Self.sample) == SiteBuilder.files(for: Self.sample))
  }

  /// Text that could act in a browser (a script element, a `javascript:` link, raw HTML, terminal escapes, a
  /// bidirectional override) is shown, never obeyed.
  @Test func pageTextIsInert() throws {
    let hostile =
      "Run <script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)> "
      + "\u{1B}[31mred\u{1B}[0m \u{202E}reversed"
    let folder = try TemporaryKnowledgeBase(
      [
        "phases/P01.md": SamplePages.phase("P01", "Plan"),
        "tactics/TA01.md": SamplePages.tactic("TA01", "Plan <script>x</script>", summary: hostile),
        "techniques/T0001.md": SamplePages.technique("T0001", "Choose \u{1B}[2J", tactic: "TA01", summary: hostile),
      ], prefix: "disarm-site")
    defer { folder.remove() }
    let kb = try KnowledgeBaseLoader.load(from: folder.url.path)
    for file in SiteBuilder.files(for: kb) where file.path.hasSuffix(".html") || file.path.hasSuffix("index.js") {
      let text = String(decoding: file.bytes, as: UTF8.self)
      #expect(!text.contains("<script>alert"), "\(file.path)")
      #expect(!text.contains("<script>x"), "\(file.path)")
      #expect(!text.contains("href=\"javascript:"), "\(file.path)")
      #expect(!text.contains("<img"), "\(file.path)")
      #expect(!text.unicodeScalars.contains("\u{1B}"), "\(file.path)")
      #expect(!text.unicodeScalars.contains("\u{202E}"), "\(file.path)")
    }
    let page = try #require(Self.text(SiteBuilder.files(for: kb), "techniques/T0001.html"))
    #expect(page.contains("Choose \\u{1b}[2J"), "the escape is shown as text")
  }

  /// DISARM 2026's site speaks of assessments, categories and groups; `--compare` adds the changelog and badges.
  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func theAssessmentsSiteUsesItsWordsAndComparesWithTheVersionBefore() throws {
    let new = try KnowledgeBaseLoader.load(from: Corpus.release("disarm-2026-07-19").path)
    let old = try KnowledgeBaseLoader.load(from: Corpus.release("disarm-2025-07-03").path)
    let diff = VersionDiff(old: old, new: new, oldLabel: "2025-07-03", newLabel: "2026-07-19")
    let files = SiteBuilder.files(for: new, options: SiteOptions(comparison: diff))
    let home = try #require(Self.text(files, "index.html"))
    #expect(home.contains(">Assessments</a>") && home.contains(">Categories</a>") && home.contains(">Groups</a>"))
    let page = try #require(Self.text(files, "techniques/A0001.003.html"))
    #expect(page.contains("<span class=\"kind\">Assessment</span>"))
    #expect(page.contains("badge new"))
    let changelog = try #require(Self.text(files, "changelog.html"))
    #expect(
      changelog.contains("Changes since 2025-07-03") && changelog.contains("Added <span class=\"count\">140</span>"))
  }

  /// `--source-url` links each object page to its source; `--base-url` gives each page its canonical address.
  @Test func sourceAndCanonicalLinks() throws {
    let options = SiteOptions(
      title: "Sample", baseURL: "https://example.org/kb", sourceURL: "https://git.example.org/kb/blob/main")
    let files = SiteBuilder.files(for: Self.sample, options: options)
    let page = try #require(Self.text(files, "techniques/T0151.008.html"))
    #expect(page.contains("<a href=\"https://git.example.org/kb/blob/main/techniques/T0151.008.md\">Source page</a>"))
    #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/kb/techniques/T0151.008.html\">"))
    #expect(page.contains("<title>T0151.008 Microblogging Platform · Sample</title>"))
  }

  /// A retired identifier gets a page where its object's page was, saying so and linking to the replacement.
  @Test func retiredIdentifiersGetAPage() throws {
    let folder = TemporaryFolder.make("disarm-site")
    defer { try? FileManager.default.removeItem(at: folder) }
    let kb = folder.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: kb)
    try Data("- id: T0099\n  name: Old Platform\n  retired: v1.6\n  replaced-by: T0151.008\n".utf8).write(
      to: kb.appendingPathComponent("retired.yml"))
    let files = SiteBuilder.files(for: try KnowledgeBaseLoader.load(from: kb.path))
    let page = try #require(Self.text(files, "techniques/T0099.html"))
    #expect(page.contains("T0099 is a retired technique (retired in v1.6)."))
    #expect(page.contains("Replaced by <a href=\"../techniques/T0151.008.html\">"))
  }
}
