import DisarmTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// End-to-end: the built binary on broken knowledge bases, one test per row of the bad-input table in
/// docs/RELIABILITY.md. Each runs `disarm build DIR -o OUT` and `disarm lint DIR --format json` on a copy of `data/`
/// with one defect, and checks the rule id, file, line and exit code, and that neither run traps or hangs (each is
/// killed after 60 s, which fails the test).
@Suite struct BadInputTests {
  /// One diagnostic, as `disarm build` prints it on stderr or `disarm lint --format json` writes it.
  struct Finding: Decodable, CustomStringConvertible {
    var rule: String
    var severity: String
    var file: String
    var line: Int
    var column: Int
    var message: String
    var description: String { "\(file):\(line):\(column): \(severity): \(message) [\(rule)]" }
  }

  struct LintDocument: Decodable {
    var diagnostics: [Finding]
  }

  /// Both runs on one knowledge base and what they reported.
  struct Outcome {
    var build: TimedRun
    var lint: TimedRun?
    var buildFindings: [Finding]
    var lintFindings: [Finding]
    var output: URL
  }

  static let timeout = 60.0

  // MARK: - Set-up

  /// A fresh copy of `data/` in its own temporary folder: returns the page folder (`<tmp>/kb`).
  static func sampleCopy() throws -> URL {
    try RegenerationCommandTests.copy(DisarmProcess.repository.appendingPathComponent("data"))
  }

  /// Runs `disarm build kb -o <tmp>/out` and, unless `lint` is false, `disarm lint kb --format json`.
  static func run(_ kb: URL, lint: Bool = true, timeout: Double = timeout) throws -> Outcome {
    let out = kb.deletingLastPathComponent().appendingPathComponent("out")
    let build = try DisarmProcess.run(["build", kb.path, "-o", out.path], timeout: timeout)
    var lintRun: TimedRun?
    var lintFindings: [Finding] = []
    if lint {
      let run = try DisarmProcess.run(["lint", kb.path, "--format", "json"], timeout: timeout)
      lintRun = run
      if !run.stdout.isEmpty, let document = try? JSONDecoder().decode(LintDocument.self, from: run.stdout) {
        lintFindings = document.diagnostics
      }
    }
    return Outcome(
      build: build, lint: lintRun, buildFindings: parseDiagnostics(build.stderr, prefix: displayPrefix(kb)),
      lintFindings: lintFindings,
      output: out)
  }

  /// Parses `path:line:column: severity: message [rule]` and `path: severity: message [rule]` lines.
  /// The prefix `disarm` puts before page paths: the page folder as a path (findings print like `lint`'s).
  static func displayPrefix(_ kb: URL) -> String {
    kb.standardizedFileURL.resolvingSymlinksInPath().path + "/"
  }

  static func parseDiagnostics(_ text: String, prefix: String = "") -> [Finding] {
    var findings: [Finding] = []
    for raw in text.split(separator: "\n").map(String.init) where raw.hasSuffix("]") {
      let line = raw.hasPrefix(prefix) ? String(raw.dropFirst(prefix.count)) : raw
      guard let open = line.range(of: " [", options: .backwards) else { continue }
      let rule = String(line[open.upperBound..<line.index(before: line.endIndex)])
      let head = String(line[..<open.lowerBound])
      guard
        let marker = [": error: ", ": warning: ", ": note: "].compactMap({ head.range(of: $0) }).min(by: {
          $0.lowerBound < $1.lowerBound
        })
      else { continue }
      let severity = String(head[marker]).trimmingCharacters(in: CharacterSet(charactersIn: ": "))
      let message = String(head[marker.upperBound...])
      var location = head[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      var lineNumber = 0
      var column = 0
      if location.count >= 3, let l = Int(location[location.count - 2]), let c = Int(location[location.count - 1]) {
        lineNumber = l
        column = c
        location.removeLast(2)
      }
      findings.append(
        Finding(
          rule: rule, severity: severity, file: location.joined(separator: ":"), line: lineNumber, column: column,
          message: message))
    }
    return findings
  }

  // MARK: - Expectations

  /// The run ended by exiting with `status`: not by a trap, a crash or the timeout.
  static func expectExit(
    _ run: TimedRun?, _ status: Int32, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard let run else { return }
    #expect(
      run.ending == .exited(status), "\(what): \(run.ending), expected status \(status)\n\(run.stderrSummary)",
      sourceLocation: sourceLocation)
  }

  /// Both runs report `rule` for `file` (at `line` when given, else at any line), and the message passes `check`.
  @discardableResult
  static func expectFinding(
    _ outcome: Outcome, rule: String, file: String, line: Int? = nil,
    message check: (String) -> Bool = { _ in true }, sourceLocation: SourceLocation = #_sourceLocation
  ) -> Finding? {
    var found: Finding?
    let sources =
      [("disarm build", outcome.buildFindings)] + (outcome.lint == nil ? [] : [("disarm lint", outcome.lintFindings)])
    for (name, findings) in sources {
      let matching = findings.filter { $0.rule == rule && $0.file == file && (line == nil || $0.line == line) }
      #expect(
        !matching.isEmpty,
        "\(name) did not report \(rule) for \(file)\(line.map { " at line \($0)" } ?? ""); it reported:\n\(findings.filter { $0.file == file }.map(\.description).joined(separator: "\n"))",
        sourceLocation: sourceLocation)
      for finding in matching {
        #expect(check(finding.message), "\(name): unexpected message: \(finding)", sourceLocation: sourceLocation)
      }
      found = found ?? matching.first
    }
    return found
  }

  /// No error-severity finding for `file`.
  static func expectNoErrors(_ outcome: Outcome, file: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for (name, findings) in [("disarm build", outcome.buildFindings), ("disarm lint", outcome.lintFindings)] {
      let errors = findings.filter { $0.file == file && $0.severity == "error" }
      #expect(errors.isEmpty, "\(name): \(errors.map(\.description))", sourceLocation: sourceLocation)
    }
  }

  /// The object `id` in `disarm.json`, as a dictionary.
  static func object(_ id: String, in outcome: Outcome) throws -> [String: Any]? {
    let data = try Data(contentsOf: outcome.output.appendingPathComponent("disarm.json"))
    let document = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let groups = document?["objects"] as? [String: [[String: Any]]] ?? [:]
    return groups.values.joined().first { $0["id"] as? String == id }
  }

  static func summary(of object: [String: Any]?) -> String? {
    (object?["fields"] as? [[String: Any]])?.first { $0["key"] as? String == "summary" }?["value"] as? String
  }

  /// Every file under `folder` (relative path to bytes), symlinks not followed.
  static func snapshot(_ folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
    while let relative = enumerator.nextObject() as? String {
      let path = folder.appendingPathComponent(relative).path
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }
      if info.st_mode & S_IFMT == S_IFREG { result[relative] = FileManager.default.contents(atPath: path) ?? Data() }
      if info.st_mode & S_IFMT == S_IFLNK { result[relative] = Data("-> link".utf8) }
    }
    return result
  }

  static func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }
  static func write(_ bytes: [UInt8], _ url: URL) throws { try Data(bytes).write(to: url) }

  /// `bytes` with `insertion` at the start of line `line` (1-based); returns the new bytes and the insertion offset.
  static func insert(_ insertion: [UInt8], atLine line: Int, of bytes: [UInt8]) -> ([UInt8], Int) {
    var offset = 0
    var current = 1
    while current < line, let newline = bytes[offset...].firstIndex(of: 0x0A) {
      offset = newline + 1
      current += 1
    }
    return (Array(bytes[..<offset]) + insertion + Array(bytes[offset...]), offset)
  }

  static var isRoot: Bool { getuid() == 0 }

  // MARK: - Rows of the bad-input table

  @Test func missingFolder() throws {
    let missing = TemporaryFolder.make("disarm-cli").appendingPathComponent("no-such-kb").path
    let build = try DisarmProcess.run(
      ["build", missing, "-o", TemporaryFolder.make("disarm-cli").path], timeout: Self.timeout)
    Self.expectExit(build, 2, "build")
    #expect(build.stderr == "disarm: error: \(missing): no such file or folder\n")
    let lint = try DisarmProcess.run(["lint", missing, "--format", "json"], timeout: Self.timeout)
    Self.expectExit(lint, 2, "lint")
    #expect(lint.stderr == "disarm: error: \(missing): no such file or folder\n")
  }

  @Test func unreadableFile() throws {
    let kb = try Self.sampleCopy()
    let page = kb.appendingPathComponent("incidents/I00906.md")
    let reason: String
    if Self.isRoot {
      // root reads a file whatever its mode: a folder where the page should be cannot be read either.
      try FileManager.default.createDirectory(at: page, withIntermediateDirectories: false)
      reason = "Is a directory"
    } else {
      try Self.write(Self.bytes(kb.appendingPathComponent("incidents/I00901.md")), page)
      chmod(page.path, 0)
      reason = "Permission denied"
    }
    defer { chmod(page.path, 0o644) }
    let outcome = try Self.run(kb)
    Self.expectExit(outcome.build, 2, "build")
    Self.expectExit(outcome.lint, 2, "lint")
    Self.expectFinding(outcome, rule: "unreadable-file", file: "incidents/I00906.md", line: 0) {
      $0 == "cannot read page: \(reason)"
    }
  }

  @Test func unreadableFolder() throws {
    let kb = try Self.sampleCopy()
    let folder = kb.appendingPathComponent("tasks")
    let reason: String
    if Self.isRoot {
      // root lists any folder: a file where the kind folder should be cannot be listed either.
      try FileManager.default.removeItem(at: folder)
      try Self.write(Array("not a folder\n".utf8), folder)
      reason = "Not a directory"
    } else {
      chmod(folder.path, 0)
      reason = "Permission denied"
    }
    defer { chmod(folder.path, 0o755) }
    let outcome = try Self.run(kb)
    Self.expectExit(outcome.build, 2, "build")
    Self.expectExit(outcome.lint, 2, "lint")
    // The reason is the system's, as for an unreadable page; not a Foundation error code.
    Self.expectFinding(outcome, rule: "unreadable-file", file: "tasks", line: 0) {
      $0 == "cannot list folder: \(reason)"
    }
  }

  @Test func emptyFile() throws {
    let kb = try Self.sampleCopy()
    try Self.write([], kb.appendingPathComponent("incidents/I00906.md"))
    let outcome = try Self.run(kb)
    Self.expectExit(outcome.build, 1, "build")
    Self.expectExit(outcome.lint, 1, "lint")
    Self.expectFinding(outcome, rule: "missing-heading", file: "incidents/I00906.md", line: 1) {
      $0 == "page has no '# Incident ID: Name' heading"
    }
  }

  @Test func binaryFile() throws {
    let kb = try Self.sampleCopy()
    var generator = SeededRandom(seed: 20_250_210)
    var bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
    bytes[1000] = 0
    let nul = bytes.firstIndex(of: 0)!
    let line = bytes[..<nul].filter { $0 == 0x0A }.count + 1
    try Self.write(bytes, kb.appendingPathComponent("incidents/I00906.md"))
    let outcome = try Self.run(kb)
    Self.expectExit(outcome.build, 1, "build")
    Self.expectExit(outcome.lint, 1, "lint")
    Self.expectFinding(outcome, rule: "binary-content", file: "incidents/I00906.md", line: line) {
      $0 == "page contains a NUL byte at byte offset \(nul); it is not a text file"
    }
    Self.expectFinding(outcome, rule: "invalid-utf8", file: "incidents/I00906.md")
  }

  @Test func nulBytesInATextPage() throws {
    let kb = try Self.sampleCopy()
    let page = kb.appendingPathComponent("incidents/I00901.md")
    let (bytes, offset) = Self.insert(Array("a\0b\0\n".utf8), atLine: 2, of: try Self.bytes(page))
    try Self.write(bytes, page)
    let outcome = try Self.run(kb)
    Self.expectExit(outcome.build, 1, "build")
    Self.expectExit(outcome.lint, 1, "lint")
    let finding = Self.expectFinding(outcome, rule: "binary-content", file: "incidents/I00901.md", line: 2) {
      $0 == "page contains a NUL byte at byte offset \(offset + 1); it is not a text file"
    }
    #expect(finding?.column == 2)
  }

  @Test func invalidUTF8() throws {
    let kb = try Self.sampleCopy()
    let page = kb.appendingPathComponent("incidents/I00901.md")
    let (bytes, offset) = Self.insert([0x61, 0x62, 0xC3, 0x28, 0xFF, 0x0A], atLine: 3, of: try Self.bytes(page))
    try Self.write(bytes, page)
    let outcome = try Self.run(kb)
    Self.expectExit(outcome.build, 1, "build")
    Self.expectExit(outcome.lint, 1, "lint")
    let finding = Self.expectFinding(outcome, rule: "invalid-utf8", file: "incidents/I00901.md", line: 3) {
      $0 == "page is not valid UTF-8 at byte offset \(offset + 2)"
    }
    #expect(finding?.column == 3)
  }

  @Test func byteOrderMark() throws {
    let kb = try Self.sampleCopy()
    let page = kb.appendingPathComponent("incidents/I00901.md")
    try Self.write([0xEF, 0xBB, 0xBF] + Self.bytes(page), page)
    let outcome = try Self.run(kb)
    // The page still parses: heading found, fields read, nothing to report.
    Self.expectExit(outcome.build, 0, "build")
    Self.expectExit(outcome.lint, 0, "lint")
    Self.expectNoErrors(outcome, file: "incidents/I00901.md")
    let incident = try Self.object("I00901", in: outcome)
    #expect(incident?["name"] as? String == "Coordinated hashtag campaign against a city election")
    #expect(Self.summary(of: incident)?.hasPrefix("In the weeks before a municipal election") == true)
  }

  @Test func crlfLineEndings() throws {
    let kb = try Self.sampleCopy()
    let page = kb.appendingPathComponent("techniques/T0151.008.md")
    let lf = try String(contentsOf: page, encoding: .utf8)
    try lf.replacingOccurrences(of: "\n", with: "\r\n").write(to: page, atomically: false, encoding: .utf8)
    let outcome = try Self.run(kb)
    Self.expectExit(outcome.build, 0, "build")
    Self.expectExit(outcome.lint, 0, "lint")
    Self.expectNoErrors(outcome, file: "techniques/T0151.008.md")
    let technique = try Self.object("T0151.008", in: outcome)
    #expect(technique?["name"] as? String == "Microblogging Platform")
    let summary = Self.summary(of: technique) ?? ""
    #expect(summary.hasPrefix("A Microblogging Platform is a service") && !summary.contains("\r"))

    // An edit elsewhere (a new incident row naming T0151.008) regenerates the page: it keeps its CRLF endings.
    let incident = kb.appendingPathComponent("incidents/I00902.md")
    let row =
      "| [T0151.008 Microblogging Platform](../../generated_pages/techniques/T0151.008.md) | Invitations also went out on a microblog (T0151.008: Microblogging Platform). |\n"
    var text = try String(contentsOf: incident, encoding: .utf8)
    let anchor = "| [T0151.004 Chat Platform]"
    #expect(text.contains(anchor))
    text = text.replacingOccurrences(of: anchor, with: row + anchor)
    try text.write(to: incident, atomically: false, encoding: .utf8)
    let write = try DisarmProcess.run(["build", kb.path, "--write"], timeout: Self.timeout)
    Self.expectExit(write, 0, "build --write")
    #expect(write.stdoutText.contains("updated: techniques/T0151.008.md"))
    let written = try Self.bytes(page)
    let bareLineFeeds = written.indices.filter { written[$0] == 0x0A && ($0 == 0 || written[$0 - 1] != 0x0D) }
    #expect(bareLineFeeds.isEmpty, "\(bareLineFeeds.count) lines of the rewritten CRLF page end with LF alone")
    #expect(String(decoding: written, as: UTF8.self).contains("| [I00902 "))
    #expect(String(decoding: written, as: UTF8.self).hasSuffix("survive regeneration.\r\n"))
  }

  @Test func fiftyMegabytePage() throws {
    let kb = try Self.sampleCopy()
    let page = kb.appendingPathComponent("incidents/I00901.md")
    let line =
      "The accounts posted in tight bursts and reused the same handful of phrases, again and again, for weeks.\n"
    let prose = String(repeating: line, count: 50 * 1024 * 1024 / line.utf8.count + 1)
    let text = try String(contentsOf: page, encoding: .utf8)
    try text.replacingOccurrences(of: "* **Summary:** ", with: "* **Summary:** " + prose).write(
      to: page, atomically: false, encoding: .utf8)
    #expect(try FileManager.default.attributesOfItem(atPath: page.path)[.size] as? Int ?? 0 > 50_000_000)
    let outcome = try Self.run(kb, lint: false)
    Self.expectExit(outcome.build, 0, "build")
    #expect(outcome.build.seconds < Self.timeout)
    #expect((Self.summary(of: try Self.object("I00901", in: outcome))?.utf8.count ?? 0) > 50_000_000)
  }

  @Test func hundredThousandCharacterLine() throws {
    let kb = try Self.sampleCopy()
    let page = kb.appendingPathComponent("incidents/I00901.md")
    let long = String(repeating: "word T0151.008: Microblogging Platform, ", count: 2_500)
    let text = try String(contentsOf: page, encoding: .utf8)
    try text.replacingOccurrences(of: "* **Summary:** ", with: "* **Summary:** " + long).write(
      to: page, atomically: false, encoding: .utf8)
    let other = kb.appendingPathComponent("incidents/I00902.md")
    let (bytes, _) = Self.insert(
      Array((String(repeating: "x", count: 100_000) + "\n\n").utf8), atLine: 3, of: try Self.bytes(other))
    try Self.write(bytes, other)
    let outcome = try Self.run(kb)
    Self.expectExit(outcome.build, 0, "build")
    Self.expectExit(outcome.lint, 0, "lint")
    Self.expectNoErrors(outcome, file: "incidents/I00901.md")
    Self.expectNoErrors(outcome, file: "incidents/I00902.md")
    #expect((Self.summary(of: try Self.object("I00901", in: outcome))?.utf8.count ?? 0) >= 100_000)
  }

  @Test func deeplyNestedListsAndBlockQuotes() throws {
    let kb = try Self.sampleCopy()
    let page = kb.appendingPathComponent("incidents/I00901.md")
    var nested = String(repeating: "> ", count: 10_000) + "quoted\n\n"
    nested += String(repeating: "- ", count: 10_000) + "item\n\n"
    nested += String(repeating: "> - ", count: 5_000) + "**Summary**: x\n\n"
    nested += (0..<1_000).map { String(repeating: "> ", count: $0) + "- line\n" }.joined() + "\n"
    let (bytes, _) = Self.insert(Array(nested.utf8), atLine: 3, of: try Self.bytes(page))
    try Self.write(bytes, page)
    let outcome = try Self.run(kb)
    Self.expectExit(outcome.build, 0, "build")
    Self.expectExit(outcome.lint, 0, "lint")
    Self.expectNoErrors(outcome, file: "incidents/I00901.md")
    #expect(
      try Self.object("I00901", in: outcome)?["name"] as? String
        == "Coordinated hashtag campaign against a city election")
  }

  @Test func symlinkLoopInAKindFolder() throws {
    let kb = try Self.sampleCopy()
    let incidents = kb.appendingPathComponent("incidents")
    try FileManager.default.createSymbolicLink(
      atPath: incidents.appendingPathComponent("I00906.md").path, withDestinationPath: "I00906.md")
    try FileManager.default.createSymbolicLink(
      atPath: incidents.appendingPathComponent("I00907.md").path, withDestinationPath: "I00908.md")
    try FileManager.default.createSymbolicLink(
      atPath: incidents.appendingPathComponent("I00908.md").path, withDestinationPath: "I00907.md")
    let outcome = try Self.run(kb)
    Self.expectExit(outcome.build, 2, "build")
    Self.expectExit(outcome.lint, 2, "lint")
    for id in ["I00906", "I00907", "I00908"] {
      Self.expectFinding(outcome, rule: "unreadable-file", file: "incidents/\(id).md", line: 0) {
        $0 == "cannot read page: Too many levels of symbolic links"
      }
    }
  }

  @Test func symlinkedFolderLoop() throws {
    let kb = try Self.sampleCopy()
    // A folder link back up the tree inside a kind folder is not a page and is not followed …
    try FileManager.default.createSymbolicLink(
      atPath: kb.appendingPathComponent("incidents/loop").path, withDestinationPath: "..")
    // … and a kind folder that is a link to itself cannot be listed.
    try FileManager.default.removeItem(at: kb.appendingPathComponent("tasks"))
    try FileManager.default.createSymbolicLink(
      atPath: kb.appendingPathComponent("tasks").path, withDestinationPath: "tasks")
    let outcome = try Self.run(kb)
    Self.expectExit(outcome.build, 2, "build")
    Self.expectExit(outcome.lint, 2, "lint")
    Self.expectFinding(outcome, rule: "unexpected-file", file: "incidents/loop", line: 0)
    Self.expectFinding(outcome, rule: "unreadable-file", file: "tasks", line: 0) {
      $0 == "cannot list folder: Too many levels of symbolic links"
    }
  }

  @Test func headingWithoutAnIdentifier() throws {
    let kb = try Self.sampleCopy()
    let page = kb.appendingPathComponent("incidents/I00901.md")
    let text = try String(contentsOf: page, encoding: .utf8)
    try text.replacingOccurrences(of: "# Incident I00901: ", with: "# Incident: ").write(
      to: page, atomically: false, encoding: .utf8)
    let outcome = try Self.run(kb)
    Self.expectExit(outcome.build, 1, "build")
    Self.expectExit(outcome.lint, 1, "lint")
    // The heading has no identifier: say so, rather than compare an empty identifier with the file name.
    let findings = outcome.buildFindings.filter { $0.file == "incidents/I00901.md" && $0.severity == "error" }
    #expect(findings.map(\.line) == [1], "\(findings)")
    #expect(findings.allSatisfy { ["missing-heading", "heading-id-mismatch"].contains($0.rule) }, "\(findings)")
    #expect(findings.allSatisfy { !$0.message.contains("''") }, "unclear message: \(findings)")
  }

  @Test func identifiersWithPathCharacters() throws {
    let kb = try Self.sampleCopy()
    let root = kb.deletingLastPathComponent()
    let page = kb.appendingPathComponent("incidents/I00901.md")
    let text = try String(contentsOf: page, encoding: .utf8)
    try text.replacingOccurrences(of: "# Incident I00901: ", with: "# Incident ../../escaped: ").write(
      to: page, atomically: false, encoding: .utf8)
    let copy = try Self.bytes(kb.appendingPathComponent("incidents/I00902.md"))
    for name in ["..%2F.md", "..md", "%2e%2e%2fI00907.md", "I00908.md%00.md"] {
      try Self.write(copy, kb.appendingPathComponent("incidents/\(name)"))
    }
    let outcome = try Self.run(kb)
    Self.expectExit(outcome.build, 1, "build")
    Self.expectExit(outcome.lint, 1, "lint")
    Self.expectFinding(outcome, rule: "heading-id-mismatch", file: "incidents/I00901.md", line: 1) {
      $0 == "heading identifier '../../escaped' differs from the file name 'I00901.md'"
    }
    for name in ["..%2F.md", "..md", "%2e%2e%2fI00907.md", "I00908.md%00.md"] {
      Self.expectFinding(outcome, rule: "file-name-not-id", file: "incidents/\(name)", line: 0) {
        $0 == "file name '\(name)' is not an incident identifier (like I00001.md); page skipped"
      }
    }
    // --write rewrites pages inside the page folder only: nothing outside it appears or changes.
    let outside = Self.snapshot(root).filter { !$0.key.hasPrefix("kb/") && $0.key != "kb" }
    let write = try DisarmProcess.run(["build", kb.path, "--write"], timeout: Self.timeout)
    Self.expectExit(write, 1, "build --write")
    #expect(Self.snapshot(root).filter { !$0.key.hasPrefix("kb/") && $0.key != "kb" } == outside)
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("escaped.md").path))
    #expect(
      !FileManager.default.fileExists(
        atPath: root.deletingLastPathComponent().appendingPathComponent("escaped.md").path))
    for line in write.stdoutText.split(separator: "\n") {
      #expect(line.hasPrefix("updated: ") && !line.contains(".."), "\(line)")
    }
  }

  @Test func identifiersDifferingOnlyByCase() throws {
    let kb = try Self.sampleCopy()
    let lower = kb.appendingPathComponent("techniques/t0132.md")
    try Self.write(Self.bytes(kb.appendingPathComponent("techniques/T0132.md")), lower)
    let names = try FileManager.default.contentsOfDirectory(atPath: kb.appendingPathComponent("techniques").path)
    try #require(names.contains("t0132.md") && names.contains("T0132.md"), "case-insensitive file system")
    let outcome = try Self.run(kb)
    Self.expectExit(outcome.build, 1, "build")
    Self.expectExit(outcome.lint, 1, "lint")
    Self.expectFinding(outcome, rule: "duplicate-id", file: "techniques/t0132.md", line: 0) {
      $0
        == "file name 't0132.md' is T0132 written with other case or spaces, which techniques/T0132.md defines; page skipped"
    }
    #expect(!outcome.buildFindings.contains { $0.file == "techniques/T0132.md" && $0.severity == "error" })
  }

  @Test func controlSequencesInPageTextAreInert() throws {
    let kb = try Self.sampleCopy()
    let page = kb.appendingPathComponent("incidents/I00901.md")
    let text = try String(contentsOf: page, encoding: .utf8)
    // An OSC sequence that would set the terminal's title, a colour, a bell and a carriage return in the heading.
    try text.replacingOccurrences(
      of: "# Incident I00901: ", with: "# Incident I00901\u{1B}]0;pwned\u{07}\u{1B}[31m\r: "
    )
    .write(to: page, atomically: false, encoding: .utf8)
    let outcome = try Self.run(kb)
    Self.expectExit(outcome.build, 1, "build")
    Self.expectExit(outcome.lint, 1, "lint")
    Self.expectFinding(outcome, rule: "heading-id-mismatch", file: "incidents/I00901.md", line: 1)
    let lintText = try DisarmProcess.run(
      ["lint", kb.path, "--format", "text", "--color", "never"], timeout: Self.timeout)
    for (name, output) in [
      ("disarm build", outcome.build.stderr), ("disarm lint", lintText.stderr + lintText.stdoutText),
    ] {
      let controls = output.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" }
      #expect(controls.isEmpty, "\(name) printed \(controls.count) control characters from page text")
    }
  }
}
