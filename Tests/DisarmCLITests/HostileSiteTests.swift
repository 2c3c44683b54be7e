import DisarmTestSupport
import Foundation
import Testing

/// The site of a knowledge base whose framework description is hostile: data/ with its technique and incident
/// folders renamed to `javascript:…` and `q"><img … onerror=…>`, named by a description in the tree through
/// `.disarm.yml`. In headless Chromium no payload may act (`scripts/check-site.py hostile`).
@Suite struct HostileSiteTests {
  static let techniqueFolder = "javascript:window.__pwned=1;alert(1)"
  static let incidentFolder = "q\"><img src=x onerror=window.__pwned=2;alert(54)>"

  /// A copy of data/ read with a framework description whose kind folders are the payloads.
  static func hostileKnowledgeBase(in root: URL) throws -> URL {
    let kb = root.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: kb)
    try FileManager.default.moveItem(
      at: kb.appendingPathComponent("techniques"), to: kb.appendingPathComponent(techniqueFolder))
    try FileManager.default.moveItem(
      at: kb.appendingPathComponent("incidents"), to: kb.appendingPathComponent(incidentFolder))
    let builtIn = try String(
      contentsOf: DisarmProcess.repository.appendingPathComponent("frameworks/disarm-1.yml"), encoding: .utf8)
    let yamlTechniques = "'\(techniqueFolder)'"
    let yamlIncidents = "'\(incidentFolder)'"
    let description = builtIn.replacingOccurrences(of: "name: disarm-1\n", with: "name: hostile\n")
      .replacingOccurrences(of: "folder: techniques,", with: "folder: \(yamlTechniques),")
      .replacingOccurrences(of: "folder: incidents,", with: "folder: \(yamlIncidents),")
    #expect(description.contains(yamlTechniques) && description.contains(yamlIncidents))
    try Data(description.utf8).write(to: kb.appendingPathComponent("hostile.yml"))
    try Data("framework: hostile.yml\n".utf8).write(to: kb.appendingPathComponent(".disarm.yml"))
    return kb
  }

  @Test func hostileFolderNamesNeverReachALink() throws {
    let root = TemporaryFolder.make("disarm-hostile-site")
    defer { try? FileManager.default.removeItem(at: root) }
    let kb = try Self.hostileKnowledgeBase(in: root)
    let site = root.appendingPathComponent("site")
    let result = try DisarmProcess.run(["site", kb.path, "-o", site.path])
    #expect(result.status == 0, "\(result.stderr)")
    let folders = try FileManager.default.contentsOfDirectory(atPath: site.path)
    #expect(folders.contains("techniques") && folders.contains("incidents"), "\(folders)")
    #expect(!folders.contains { $0.contains(":") || $0.contains("<") }, "\(folders)")
    let home = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(home.contains("href=\"techniques/T0151.008.html\""))
    #expect(!home.contains("javascript:") && !home.contains("<img"))
    let index = try String(contentsOf: site.appendingPathComponent("assets/search-index.js"), encoding: .utf8)
    #expect(!index.contains("javascript:") && !index.contains("onerror"))
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
