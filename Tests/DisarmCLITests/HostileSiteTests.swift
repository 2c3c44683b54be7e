import DisarmTestSupport
import Foundation
import Testing

/// The site of a knowledge base whose framework description is hostile. Kind folder names that are markup or a
/// `javascript:` address never get that far: the description reader refuses them, naming the file and line. The
/// words a description may give freely (title, brand, a kind's plural) are markup and script here, named by a
/// description in the tree through `.disarm.yml`; in headless Chromium no payload may act
/// (`scripts/check-site.py hostile`).
@Suite struct HostileSiteTests {
  static let techniqueFolder = "javascript:window.__pwned=1;alert(1)"
  static let incidentFolder = "q\"><img src=x onerror=window.__pwned=2;alert(54)>"
  static let title = "<script>window.__pwned=4</script>\"><img src=x onerror=window.__pwned=4>"
  static let brand = "javascript:window.__pwned=5"
  static let plural = "techniques\"><img src=x onerror=window.__pwned=3;alert(3)>"

  /// data/ with the built-in description copied into the tree as `hostile.yml`, changed by `edit`.
  static func knowledgeBase(in root: URL, _ edit: (String) -> String) throws -> URL {
    let kb = root.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: kb)
    let builtIn = try String(
      contentsOf: DisarmProcess.repository.appendingPathComponent("frameworks/disarm-1.yml"), encoding: .utf8)
    let description = edit(builtIn.replacingOccurrences(of: "name: disarm-1\n", with: "name: hostile\n"))
    try Data(description.utf8).write(to: kb.appendingPathComponent("hostile.yml"))
    try Data("framework: hostile.yml\n".utf8).write(to: kb.appendingPathComponent(".disarm.yml"))
    return kb
  }

  /// A copy of data/ read with a description whose free words are the payloads.
  static func hostileKnowledgeBase(in root: URL) throws -> URL {
    func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
    return try knowledgeBase(in: root) { text in
      let edited = text.replacingOccurrences(
        of: "title: DISARM 1.x red and blue frameworks (2022-2025)\n",
        with: "title: \(quoted(title))\nbrand: \(quoted(brand))\n"
      ).replacingOccurrences(of: "plural: techniques,", with: "plural: \(quoted(plural)),")
      #expect(edited.contains("__pwned=4") && edited.contains("__pwned=5") && edited.contains("__pwned=3"))
      return edited
    }
  }

  @Test(arguments: [techniqueFolder, incidentFolder, "../outside", ".hidden"])
  func aDescriptionWithAFolderThatIsNotAPlainNameIsRefused(_ folder: String) throws {
    let root = TemporaryFolder.make("disarm-hostile-site")
    defer { try? FileManager.default.removeItem(at: root) }
    let kb = try Self.knowledgeBase(in: root) { text in
      text.replacingOccurrences(
        of: "folder: techniques,", with: "folder: '\(folder.replacingOccurrences(of: "'", with: "''"))',")
    }
    let result = try DisarmProcess.run(["site", kb.path, "-o", root.appendingPathComponent("site").path])
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains("hostile.yml:18:"), "names the file and line: \(result.stderr)")
    #expect(result.stderr.contains("is not a plain file or folder name"), "\(result.stderr)")
    #expect(!result.stderr.contains("alert(54)>"), "the value is quoted cut short: \(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
  }

  @Test func hostileWordsNeverBecomeMarkupOrALink() throws {
    let root = TemporaryFolder.make("disarm-hostile-site")
    defer { try? FileManager.default.removeItem(at: root) }
    let kb = try Self.hostileKnowledgeBase(in: root)
    let site = root.appendingPathComponent("site")
    let result = try DisarmProcess.run(["site", kb.path, "-o", site.path])
    #expect(result.status == 0, "\(result.stderr)")
    let home = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(home.contains("href=\"techniques/T0151.008.html\""))
    #expect(!home.contains("<img") && !home.contains("<script>window") && !home.contains("href=\"javascript:"))
    let index = try String(contentsOf: site.appendingPathComponent("assets/search-index.js"), encoding: .utf8)
    #expect(!index.contains("<img") && !index.contains("<script"))
  }

  @Test(.enabled(if: SiteCommandTests.toolsAvailable, SiteCommandTests.toolsSkip))
  func noPayloadActsInABrowser() throws {
    let root = TemporaryFolder.make("disarm-hostile-site")
    defer { try? FileManager.default.removeItem(at: root) }
    let kb = try Self.hostileKnowledgeBase(in: root)
    let site = root.appendingPathComponent("site")
    #expect(try DisarmProcess.run(["site", kb.path, "-o", site.path]).status == 0)
    let browser = try ExternalTool.run(["python3", SiteCommandTests.checker, "hostile", site.path])
    #expect(browser.status == 0, "\(browser.output)")
    #expect(browser.output.contains("0 payloads acted") && browser.output.contains("console errors: 0"))
  }
}
