import DisarmDiagnostics
import DisarmTestSupport
import Foundation
import Testing

/// End-to-end: the built `disarm lint`: formats, colours, exit codes, `.disarm.yml`, PATHS, `--fix`, schemas, and
/// the findings on the real corpora (golden files, re-recorded with `DISARM_RECORD=1`).
@Suite struct LintCommandTests {
  // MARK: The sample knowledge base

  @Test func sampleKnowledgeBaseIsClean() throws {
    let result = try DisarmProcess.run(["lint", "data", "--color", "never"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("disarm lint: 0 errors, "), "\(result.stdout)")
  }

  // MARK: Text format

  @Test func textFormatNamesFileLineColumnAndShowsTheLineWithACaret() throws {
    let kb = try LintFixture.make()
    try kb.replace("techniques/T0001.md", "**Tactic**: TA01 Plan Strategy", with: "**Tactic**: TA99 Plan Strategy")
    let expected = [
      "kb/techniques/T0001.md:5:13: error: T0001 names tactic TA99, which does not exist [unresolved-link]",
      "  **Tactic**: TA99 Plan Strategy ",
      "  " + String(repeating: " ", count: 12) + "^",
    ]
    // Only that page: its report starts with the finding.
    let one = try DisarmProcess.run(["lint", "kb/techniques/T0001.md", "--color", "never"], in: kb.root)
    #expect(one.status == 1)
    let lines = one.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(Array(lines.prefix(3)) == expected, "\(one.stdout)")
    #expect(lines.dropLast().last?.hasPrefix("disarm lint: 1 error, ") == true, "\(one.stdout)")
    // The whole knowledge base: the same three lines, among the others (derived pages now out of date).
    let all = try DisarmProcess.run(["lint", "kb", "--color", "never"], in: kb.root)
    #expect(all.status == 1)
    let allLines = all.stdout.split(separator: "\n").map(String.init)
    let index = try #require(allLines.firstIndex(of: expected[0]), "\(all.stdout)")
    #expect(Array(allLines[index..<min(index + 3, allLines.count)]) == expected)
    #expect(all.stdout.hasSuffix(" files\n") || all.stdout.hasSuffix(" file\n"))
    #expect(all.stderr.isEmpty, "\(all.stderr)")
  }

  @Test func caretCountsCharactersNotBytes() throws {
    let kb = try LintFixture.make()
    let before = "**Summary**: Écrire le plan — voir "
    try kb.replace("techniques/T0001.md", "**Summary**: Write the plan down.", with: before + "T0999.")
    let result = try DisarmProcess.run(["lint", "kb/techniques/T0001.md", "--color", "never"], in: kb.root)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(
      Array(lines.prefix(3)) == [
        "kb/techniques/T0001.md:3:\(before.utf8.count + 1): warning: T0999 is mentioned but no such object exists [unresolved-reference]",
        "  \(before)T0999.",
        "  " + String(repeating: " ", count: before.count) + "^",
      ], "\(result.stdout)")
  }

  @Test func colourOnlyWhenAskedAndNeverIntoAPipe() throws {
    let kb = try LintFixture.make()
    try kb.replace("techniques/T0001.md", "**Tactic**: TA01", with: "**Tactic**: TA99")
    let always = try DisarmProcess.run(["lint", "kb", "--color", "always"], in: kb.root)
    #expect(always.status == 1)
    #expect(always.stdout.contains("\u{1B}[1;31merror\u{1B}[0m"), "\(always.stdout)")
    let never = try DisarmProcess.run(["lint", "kb", "--color", "never"], in: kb.root)
    #expect(!never.stdout.contains("\u{1B}"))
    #expect(never.stdout.contains("error: T0001 names tactic TA99"))
    let piped = try DisarmProcess.run(["lint", "kb"], in: kb.root)
    #expect(!piped.stdout.contains("\u{1B}"), "auto: no colour into a pipe")
    let pipedNoColor = try DisarmProcess.run(["lint", "kb"], in: kb.root, environment: ["NO_COLOR": "1"])
    #expect(!pipedNoColor.stdout.contains("\u{1B}"))
  }

  /// On a terminal (a pseudo-terminal from Python's pty), auto colours unless NO_COLOR is set.
  @Test(.enabled(if: ExternalTool.python3Available, "python3 is missing: the pseudo-terminal colour test skipped"))
  func colourOnATerminalUnlessNoColorIsSet() throws {
    let kb = try LintFixture.make()
    try kb.replace("techniques/T0001.md", "**Tactic**: TA01", with: "**Tactic**: TA99")
    let terminal = try ExternalTool.runInTerminal([DisarmProcess.binary.path, "lint", "kb"], in: kb.root)
    #expect(terminal.status == 1)
    #expect(terminal.output.contains("\u{1B}[1;31merror\u{1B}[0m"), "\(terminal.output)")
    let noColor = try ExternalTool.runInTerminal(
      [DisarmProcess.binary.path, "lint", "kb"], in: kb.root, environment: ["NO_COLOR": "1"])
    #expect(noColor.status == 1)
    #expect(noColor.output.contains("error: T0001 names tactic TA99"))
    #expect(!noColor.output.contains("\u{1B}"), "\(noColor.output)")
  }

  @Test func controlCharactersInPagesNeverReachTheTerminal() throws {
    let kb = try LintFixture.make()
    // An incident description with a colour change, an OSC window-title sequence and a carriage return in a name,
    // and a page whose file name holds them too.
    try kb.replace(
      "incidents/I00001.md", "They made a plan (T0001: Make a Plan). |",
      with: "They made a \u{1B}[31mplan (T0001: Make a \u{1B}[31mPlan\u{1B}]0;title\u{07} now\r later). |")
    let strange = "techniques/T\u{1B}[31mX\u{1B}]0;t\u{07}\r.md"
    try kb.write(strange, "# Technique T0009: Bad \u{1B}[31mname\u{07}\r\n")
    let forbidden = ["\u{1B}[31m", "\u{1B}]", "\u{07}", "\r"]

    for format in ["text", "json", "sarif", "github"] {
      for color in ["never", "always"] {
        let result = try DisarmProcess.run(["lint", "kb", "--format", format, "--color", color], in: kb.root)
        #expect(result.status == 1, "\(format): \(result.stderr)")
        for sequence in forbidden {
          #expect(!result.stdout.contains(sequence), "\(format) --color \(color) printed \(sequence.debugDescription)")
          #expect(!result.stderr.contains(sequence), "\(format) --color \(color) printed \(sequence.debugDescription)")
        }
        if color == "never" { #expect(!result.stdout.contains("\u{1B}"), "\(format)") }
        switch format {
        case "text", "github":
          #expect(result.stdout.contains("name-mismatch"))
          #expect(result.stdout.contains("\u{241B}[31m"), "shown as a visible control picture")
        default:
          // JSON escapes them (the decoded document still holds the page's text: checked below).
          #expect(result.stdout.contains("\\u001b[31m"), "\(format)")
          #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil, "\(format) parses")
        }
      }
    }
    let json = try LintOutput(try DisarmProcess.run(["lint", "kb", "--format", "json"], in: kb.root).stdout)
    #expect(json.diagnostics.contains { $0.file == strange && $0.rule == "file-name-not-id" })
    #expect(json.diagnostics.contains { $0.rule == "name-mismatch" && $0.message.contains("Make a \u{1B}[31mPlan") })
  }

  // MARK: Exit codes

  @Test func exitCodes() throws {
    let kb = try LintFixture.make()
    let clean = try DisarmProcess.run(["lint", "kb", "--color", "never"], in: kb.root)
    #expect(clean.status == 0, "\(clean.stdout)")
    #expect(clean.stdout == "disarm lint: 0 errors, 0 warnings in 0 files\n")
    #expect(try DisarmProcess.run(["lint", "kb", "--strict"], in: kb.root).status == 0)

    // Warnings only: 0, and 1 with --strict.
    try kb.replace("techniques/T0001.md", "Write the plan down.", with: "Write the plan down, as in T0999.")
    let warnings = try DisarmProcess.run(["lint", "kb", "--color", "never"], in: kb.root)
    #expect(warnings.status == 0)
    #expect(warnings.stdout.contains("warning: T0999 is mentioned but no such object exists [unresolved-reference]"))
    #expect(warnings.stdout.contains("disarm lint: 0 errors, "))
    #expect(try DisarmProcess.run(["lint", "kb", "--strict"], in: kb.root).status == 1)

    // Errors: 1.
    try kb.replace("techniques/T0002.md", "**Tactic**: TA01", with: "**Tactic**: TA98")
    let errors = try DisarmProcess.run(["lint", "kb", "--color", "never"], in: kb.root)
    #expect(errors.status == 1)
    #expect(errors.stdout.contains("disarm lint: 1 error, "))
  }

  @Test func missingFolderExitsTwo() throws {
    let empty = TemporaryFolder.make("disarm-cli")
    for directory in [DisarmProcess.repository, empty] {
      let result = try DisarmProcess.run(["lint", "no/such/folder"], in: directory)
      #expect(result.status == 2, "in \(directory.path): \(result.stdout)")
      #expect(result.stderr == "disarm: error: no/such/folder: no such file or folder\n")
      #expect(result.stdout.isEmpty)
    }
    let option = try DisarmProcess.run(["lint", "--kb", "no/such/folder"], in: empty)
    #expect(option.status == 2)
    #expect(option.stderr.contains("no/such/folder: no such file or folder"))
  }

  @Test(arguments: [
    ("rules: [\n", "2:1: not valid YAML"),
    ("rules:\n  no-such-rule: off\n", "unknown rule 'no-such-rule'"),
    ("rules:\n  orphan-page: loud\n", "rule 'orphan-page': 'loud' is not off, note, warning or error"),
    ("exclude: techniques\n", "'exclude' must be a list of path patterns"),
    ("rule:\n  orphan-page: off\n", "unknown key 'rule'"),
  ])
  func badConfigurationExitsTwo(text: String, message: String) throws {
    let kb = try LintFixture.make()
    try kb.write(".disarm.yml", text)
    let result = try DisarmProcess.run(["lint", "kb"], in: kb.root)
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("disarm: error: "), "\(result.stderr)")
    #expect(result.stderr.contains(".disarm.yml:" + (message.first!.isNumber ? "" : " ") + message), "\(result.stderr)")
  }

  // MARK: Configuration

  @Test func configurationTurnsRulesOffChangesSeveritiesAndExcludesPaths() throws {
    let kb = try LintFixture.make()
    try kb.replace("techniques/T0001.md", "Write the plan down.", with: "Write the plan down, as in T0999.")
    let plain = try DisarmProcess.run(["lint", "kb", "--color", "never"], in: kb.root)
    #expect(plain.status == 0)
    #expect(plain.stdout.contains("[unresolved-reference]"))

    try kb.write(".disarm.yml", "rules:\n  unresolved-reference: off\n")
    let off = try DisarmProcess.run(["lint", "kb", "--color", "never"], in: kb.root)
    #expect(off.status == 0)
    #expect(!off.stdout.contains("[unresolved-reference]"), "\(off.stdout)")

    // A warning raised to an error changes the exit code.
    try kb.write(".disarm.yml", "rules:\n  unresolved-reference: error\n")
    let raised = try DisarmProcess.run(["lint", "kb", "--color", "never"], in: kb.root)
    #expect(raised.status == 1)
    #expect(
      raised.stdout.contains(
        "kb/techniques/T0001.md:3:41: error: T0999 is mentioned but no such object exists [unresolved-reference]"),
      "\(raised.stdout)")
    let json = try LintOutput(try DisarmProcess.run(["lint", "kb", "--format", "json"], in: kb.root).stdout)
    #expect(json.diagnostics.filter { $0.rule == "unresolved-reference" }.map(\.severity) == ["error"])

    // ... and lowered to a note, it does not fail even with --strict.
    try kb.write(".disarm.yml", "rules:\n  unresolved-reference: note\n  derived-out-of-date: off\n")
    let lowered = try DisarmProcess.run(["lint", "kb", "--strict", "--color", "never"], in: kb.root)
    #expect(lowered.status == 0, "\(lowered.stdout)")
    #expect(lowered.stdout.contains(": note: T0999 is mentioned"))

    // Excluded paths are not reported, errors included; the rest still is.
    try kb.replace("techniques/T0002.md", "**Tactic**: TA01", with: "**Tactic**: TA98")
    try kb.write(".disarm.yml", "exclude:\n  - \"techniques/T000[2]*.md\"\n  - \"*_index.md\"\n")
    let excluded = try DisarmProcess.run(["lint", "kb", "--color", "never"], in: kb.root)
    #expect(excluded.status == 0, "\(excluded.stdout)")
    #expect(!excluded.stdout.contains("kb/techniques/T0002.md"), "\(excluded.stdout)")
    #expect(!excluded.stdout.contains("_index.md:"), "\(excluded.stdout)")
    #expect(excluded.stdout.contains("kb/techniques/T0001.md:3:"))

    // The configuration may also sit in the folder above the page folder, or be named with --config.
    try FileManager.default.removeItem(at: kb.folder.appendingPathComponent(".disarm.yml"))
    try Data("rules:\n  unresolved-link: warning\n".utf8).write(to: kb.root.appendingPathComponent(".disarm.yml"))
    let parent = try DisarmProcess.run(["lint", "kb", "--color", "never"], in: kb.root)
    #expect(parent.status == 0, "\(parent.stdout)")
    #expect(parent.stdout.contains("warning: T0002 names tactic TA98, which does not exist [unresolved-link]"))
    let other = kb.root.appendingPathComponent("other.yml")
    try Data("rules:\n  unresolved-link: off\n".utf8).write(to: other)
    let named = try DisarmProcess.run(["lint", "kb", "--config", other.path, "--color", "never"], in: kb.root)
    #expect(!named.stdout.contains("[unresolved-link]"))
  }

  // MARK: PATHS

  @Test func pathsLimitTheReportButReferencesResolveAgainstTheWholeKnowledgeBase() throws {
    let kb = try LintFixture.make()
    // T0001 mentions T0002 (defined elsewhere: fine) and T0998 (defined nowhere); T0002 has an error of its own.
    try kb.replace("techniques/T0001.md", "Write the plan down.", with: "Write the plan down, then T0002, not T0998.")
    try kb.replace("techniques/T0002.md", "**Tactic**: TA01", with: "**Tactic**: TA98")
    let one = try DisarmProcess.run(["lint", "kb/techniques/T0001.md", "--format", "json"], in: kb.root)
    #expect(one.status == 0, "T0002's error is not reported")
    let findings = try LintOutput(one.stdout).diagnostics
    #expect(findings.map(\.file) == ["techniques/T0001.md"])
    #expect(findings.map(\.message) == ["T0998 is mentioned but no such object exists"])

    let two = try DisarmProcess.run(
      ["lint", "kb/techniques/T0002.md", "kb/incidents/I00001.md", "--format", "json"], in: kb.root)
    #expect(two.status == 1)
    #expect(Set(try LintOutput(two.stdout).diagnostics.map(\.file)) == ["techniques/T0002.md"])

    // A folder inside the knowledge base: everything under it.
    let folder = try DisarmProcess.run(["lint", "kb/techniques", "--format", "json"], in: kb.root)
    #expect(
      Set(try LintOutput(folder.stdout).diagnostics.map(\.file)) == ["techniques/T0001.md", "techniques/T0002.md"])
    // The whole knowledge base reports the derived pages too.
    let all = try LintOutput(try DisarmProcess.run(["lint", "kb", "--format", "json"], in: kb.root).stdout)
    #expect(all.diagnostics.contains { !$0.file.hasPrefix("techniques/") })

    // Paths from another folder (cwd elsewhere), and files outside the knowledge base (a staged README.md) skipped.
    try Data("# readme\n".utf8).write(to: kb.root.appendingPathComponent("README.md"))
    let mixed = try DisarmProcess.run(
      ["lint", "README.md", kb.folder.appendingPathComponent("techniques/T0001.md").path, "--format", "json"],
      in: kb.root)
    #expect(mixed.status == 0, "\(mixed.stderr)")
    #expect(try LintOutput(mixed.stdout).diagnostics.map(\.file) == ["techniques/T0001.md"])
    #expect(mixed.stderr.contains("skipped README.md: not inside the knowledge base"))
    let outside = try DisarmProcess.run(["lint", "--kb", "kb", "README.md"], in: kb.root)
    #expect(outside.status == 2)
    #expect(outside.stderr.contains("README.md is not inside the knowledge base"))
  }

  // MARK: --fix

  @Test func fixRegeneratesDerivedPagesAfterARename() throws {
    let kb = try RegenerationCommandTests.copy(DisarmProcess.repository.appendingPathComponent("data"))
    let technique = kb.appendingPathComponent("techniques/T0151.004.md")
    let renamed = try String(contentsOf: technique, encoding: .utf8).replacingOccurrences(
      of: "# Technique T0151.004: Chat Platform", with: "# Technique T0151.004: Chat Service")
    try renamed.write(to: technique, atomically: true, encoding: .utf8)

    let before = try LintOutput(try DisarmProcess.run(["lint", kb.path, "--format", "json"]).stdout)
    let drifted = Set(before.diagnostics.filter { $0.rule == "derived-out-of-date" }.map(\.file))
    #expect(drifted.contains("tactics/TA07.md"), "\(drifted)")

    let fix = try DisarmProcess.run(["lint", kb.path, "--fix", "--color", "never"])
    #expect(fix.stderr.contains("disarm: fixed "), "\(fix.stderr)")
    #expect(!fix.stdout.contains("[derived-out-of-date]"), "\(fix.stdout)")
    let tactic = try String(contentsOf: kb.appendingPathComponent("tactics/TA07.md"), encoding: .utf8)
    #expect(tactic.contains("| [T0151.004 Chat Service](../../generated_pages/techniques/T0151.004.md) |"))
    #expect(!tactic.contains("T0151.004 Chat Platform"))

    let after = try LintOutput(try DisarmProcess.run(["lint", kb.path, "--format", "json"]).stdout)
    #expect(!after.diagnostics.contains { $0.rule == "derived-out-of-date" }, "\(after.diagnostics)")
    #expect(after.errors == 0)
    // Prose that still says "Chat Platform" is for people to fix: reported, not rewritten.
    #expect(after.diagnostics.contains { $0.rule == "name-mismatch" && $0.message.contains("T0151.004") })
    let again = try DisarmProcess.run(["lint", kb.path, "--fix"])
    #expect(!again.stderr.contains("disarm: fixed"), "a second --fix changes nothing")
  }

  /// `name-whitespace` is fixed in a page that regeneration alone would leave as it is.
  @Test func fixTrimsSpacesAroundAHeadingName() throws {
    let kb = try RegenerationCommandTests.copy(DisarmProcess.repository.appendingPathComponent("data"))
    let page = kb.appendingPathComponent("techniques/T0151.004.md")
    let spaced = try String(contentsOf: page, encoding: .utf8).replacingOccurrences(
      of: "# Technique T0151.004: Chat Platform\n", with: "# Technique T0151.004: Chat Platform  \n")
    try spaced.write(to: page, atomically: true, encoding: .utf8)
    let before = try LintOutput(try DisarmProcess.run(["lint", kb.path, "--format", "json"]).stdout)
    #expect(before.diagnostics.contains { $0.rule == "name-whitespace" && $0.file == "techniques/T0151.004.md" })
    let fix = try DisarmProcess.run(["lint", kb.path, "--fix", "--color", "never"])
    #expect(fix.stderr.contains("disarm: fixed 1 page"), "\(fix.stderr)")
    #expect(try String(contentsOf: page, encoding: .utf8).hasPrefix("# Technique T0151.004: Chat Platform\n"))
    #expect(fix.status == 0, "\(fix.stdout)")
  }

  // MARK: JSON, SARIF, GitHub

  @Test func jsonFormatIsSortedAndValidatesAgainstItsSchema() throws {
    let kb = try LintFixture.make()
    try kb.replace("techniques/T0001.md", "Write the plan down.", with: "Write the plan down, as in T0999 and T0998.")
    try kb.replace("techniques/T0002.md", "**Tactic**: TA01", with: "**Tactic**: TA98")
    let result = try DisarmProcess.run(["lint", "kb", "--format", "json", "--color", "always"], in: kb.root)
    #expect(result.status == 1)
    #expect(!result.stdout.contains("\u{1B}"), "JSON is never coloured")
    let output = try LintOutput(result.stdout)
    #expect(output.tool.hasPrefix("disarm "))
    #expect(output.diagnostics.count >= 4)
    #expect(output.diagnostics == output.diagnostics.sorted(), "sorted by file, line, column, rule, message")
    #expect(output.errors == output.diagnostics.filter { $0.severity == "error" }.count)
    #expect(output.warnings == output.diagnostics.filter { $0.severity == "warning" }.count)
    #expect(
      output.diagnostics.contains(
        LintOutput.Diagnostic(
          file: "techniques/T0002.md", line: 5, column: 13, rule: "unresolved-link", severity: "error",
          message: "T0002 names tactic TA98, which does not exist")))
    #expect(
      output.diagnostics.contains { $0.file == "techniques/T0001.md" && $0.message.hasPrefix("T0998 ") && $0.line == 3 }
    )
    let file = try LintFixture.save(result.stdout, as: "lint.json")
    try ExternalTool.expectValid(file, schema: "schema/lint.schema.json")
    let data = try DisarmProcess.run(["lint", "data", "--format", "json"])
    try ExternalTool.expectValid(try LintFixture.save(data.stdout, as: "data.json"), schema: "schema/lint.schema.json")
  }

  @Test func sarifValidatesAgainstTheOfficialSchema() throws {
    let kb = try LintFixture.make()
    try kb.replace("techniques/T0001.md", "Write the plan down.", with: "Write the plan down, as in T0999.")
    try kb.replace("techniques/T0002.md", "**Tactic**: TA01", with: "**Tactic**: TA98")
    try kb.write("techniques/T0039 .md", "# Technique T0039: Spaced\n")
    let result = try DisarmProcess.run(["lint", "kb", "--format", "sarif"], in: kb.root)
    #expect(result.status == 1)
    try ExternalTool.expectValid(
      try LintFixture.save(result.stdout, as: "lint.sarif"), schema: "schema/sarif-2.1.0.schema.json")

    let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let rules = try #require(driver["rules"] as? [[String: Any]])
    let results = try #require(run["results"] as? [[String: Any]])
    let json = try LintOutput(try DisarmProcess.run(["lint", "kb", "--format", "json"], in: kb.root).stdout)
    #expect(results.count == json.diagnostics.count)
    var uris: [String] = []
    for result in results {
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
      let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
      let artifact = try #require(location?["artifactLocation"] as? [String: Any])
      uris.append(try #require(artifact["uri"] as? String))
    }
    #expect(uris.contains("kb/techniques/T0002.md"))
    #expect(uris.contains("kb/techniques/T0039%20.md"), "spaces are percent-encoded")
    let sample = try DisarmProcess.run(["lint", "data", "--format", "sarif"])
    try ExternalTool.expectValid(
      try LintFixture.save(sample.stdout, as: "data.sarif"), schema: "schema/sarif-2.1.0.schema.json")
  }

  @Test func githubFormatWritesWorkflowCommands() throws {
    let kb = try LintFixture.make()
    try kb.replace("techniques/T0001.md", "Write the plan down.", with: "Write the plan down, as in T0999.")
    try kb.replace("techniques/T0002.md", "**Tactic**: TA01", with: "**Tactic**: TA98")
    try kb.write("incidents/.md", "")
    let result = try DisarmProcess.run(["lint", "kb", "--format", "github"], in: kb.root)
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.contains(
        "::error file=kb/techniques/T0002.md,line=5,col=13,title=unresolved-link::T0002 names tactic TA98, which does not exist"
      ))
    #expect(
      lines.contains(
        "::warning file=kb/techniques/T0001.md,line=3,col=41,title=unresolved-reference::T0999 is mentioned but no such object exists"
      ))
    #expect(
      lines.contains { $0.hasPrefix("::error file=kb/incidents/.md,title=file-name-not-id::file name '.md' is not") })
    let shape = try Regex(#"^::(error|warning|notice) file=[^,:]+(,line=[0-9]+)?(,col=[0-9]+)?,title=[a-z-]+::.+$"#)
    for line in lines { #expect(line.wholeMatch(of: shape) != nil, "\(line)") }
    #expect(result.stdout.hasSuffix("\n"))
  }

  // MARK: The real corpora

  @Test(
    .enabled(if: Corpus.available, "../shared/corpus is absent: corpus lint golden files not checked"),
    arguments: Corpus.names)
  /// The findings depend on every check and renderer (derived-out-of-date): after changing them, re-record with
  /// `DISARM_RECORD=1 swift test --filter corpusFindingsMatchGoldenFiles` and review the diff of `Fixtures/lint-*.json`.
  func corpusFindingsMatchGoldenFiles(corpus: String) throws {
    let pages = Corpus.pages(corpus)
    let result = try DisarmProcess.run(["lint", pages.path, "--format", "json", "--color", "never"])
    #expect(result.status == 1, "every corpus holds errors (broken links, junk file names)")
    #expect(result.stderr.isEmpty, "\(result.stderr)")
    try ExternalTool.expectValid(
      try LintFixture.save(result.stdout, as: "\(corpus).json"), schema: "schema/lint.schema.json")
    try CLIFixtures.golden.check(Data(result.stdout.utf8), against: "lint-\(corpus).json")
    // The same findings as SARIF: valid against the official schema, one result each.
    let sarif = try DisarmProcess.run(["lint", pages.path, "--format", "sarif"])
    try ExternalTool.expectValid(
      try LintFixture.save(sarif.stdout, as: "\(corpus).sarif"), schema: "schema/sarif-2.1.0.schema.json")
    let log = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any]
    let results = ((log?["runs"] as? [[String: Any]])?.first?["results"] as? [Any])?.count
    #expect(results == (try LintOutput(result.stdout).diagnostics.count))
  }

  @Test(.enabled(if: Corpus.available, "../shared/corpus is absent: 2025 corpus findings not checked"))
  func corpus2025HoldsTheKnownDefects() throws {
    let pages = Corpus.pages("disarm-2025-02-10")
    let output = try LintOutput(try DisarmProcess.run(["lint", pages.path, "--format", "json"]).stdout)
    func expect(
      _ file: String, _ line: Int, _ column: Int, _ rule: String, _ severity: String, _ message: String,
      sourceLocation: SourceLocation = #_sourceLocation
    ) {
      let wanted = LintOutput.Diagnostic(
        file: file, line: line, column: column, rule: rule, severity: severity, message: message)
      #expect(output.diagnostics.contains(wanted), "missing \(wanted)", sourceLocation: sourceLocation)
    }
    // Inline codes with no page.
    let t0143208 = "T0143.208 is mentioned but no such object exists"
    expect("incidents/I00108.md", 24, 1742, "unresolved-reference", "warning", t0143208)
    expect("techniques/T0092.md", 15, 1813, "unresolved-reference", "warning", t0143208)
    expect(
      "techniques/T0150.005.md", 3, 214, "unresolved-reference", "warning",
      "T1708 is mentioned but no such object exists")
    #expect(output.diagnostics.filter { $0.message == t0143208 }.count == 6)
    // An inline name that differs from the heading (the column is the misspelt name's).
    let bocking = "T0121.001 is written 'Bypass Content Bocking' but is named 'Bypass Content Blocking'"
    expect("incidents/I00110.md", 24, 1377, "name-mismatch", "warning", bocking)
    expect("techniques/T0121.001.md", 15, 1452, "name-mismatch", "warning", bocking)
    // The stale tactic TA04 links to techniques that have no page (and with ../generated_pages/ paths).
    expect("tactics/TA04.md", 20, 3, "unresolved-link", "error", "link to T0013, which has no page")
    expect("tactics/TA04.md", 26, 3, "unresolved-link", "error", "link to T0019, which has no page")
    expect(
      "tactics/TA04.md", 20, 34, "broken-link", "error",
      "link '../generated_pages/techniques/T0013.md' does not lead to a page of this knowledge base (write ../../generated_pages/<kind>/<ID>.md)"
    )
    expect(
      "tactics/TA04.md", 1, 1, "stale-page", "warning",
      "TA04 is not listed in tactics_index.md: a stale page of an object dropped from the framework")
    // The blank incident.
    expect(
      "incidents/.md", 0, 0, "file-name-not-id", "error",
      "file name '.md' is not an incident identifier (like I00001.md); page skipped")
    // Years written 2016.0.
    let year2016 = "'Year started' is '2016.0', a spreadsheet export artefact"
    expect("incidents/I00001.md", 7, 21, "spreadsheet-artefact", "warning", year2016)
    #expect(output.diagnostics.filter { $0.message == year2016 }.count == 12)
    #expect(output.errors == output.diagnostics.filter { $0.severity == "error" }.count)
  }
}

// MARK: - Helpers

/// A small knowledge base in the 2025 template, in `root/kb`, with its derived pages written by `disarm build
/// --write`, so that it starts clean: phase P01, tactic TA01, techniques T0001 and T0002, incident I00001.
struct LintFixture {
  let root: URL
  var folder: URL { root.appendingPathComponent("kb") }

  static let pages: [String: String] = [
    "phases/P01.md": """
    # Phase P01: Plan

    * **Summary:** Decide what the operation is for.

    DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW

    """,
    "tactics/TA01.md": """
    # Tactic TA01: Plan Strategy

    * **Summary:** Set the goals.

    * **Belongs to phase:** P01



    | Tasks |
    | ----- |



    | Techniques |
    | ---------- |
    | [T0001 Make a Plan](../../generated_pages/techniques/T0001.md) |
    | [T0002 Write a Script](../../generated_pages/techniques/T0002.md) |



    | Counters | Response types |
    | -------- | -------------- |


    DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW

    """,
    "techniques/T0001.md": technique(
      "T0001", "Make a Plan", summary: "Write the plan down.",
      incidents:
        "| [I00001 A planned campaign](../../generated_pages/incidents/I00001.md) | They made a plan (T0001: Make a Plan). |\n"
    ),
    "techniques/T0002.md": technique(
      "T0002", "Write a Script", summary: "Write what the accounts will say.", incidents: ""),
    "incidents/I00001.md": """
    # Incident I00001: A planned campaign

    * **Summary:** Someone planned a campaign.

    * **incident type**: incident

    * **Year started:** 2021

    * **Countries:** Canada

    * **Found via:** 

    * **Date added:** 2025-01-15


    | Reference | Pub Date | Authors | Org | Archive |
    | --------- | -------- | ------- | --- | ------- |

     

    | Technique | Description given for this incident |
    | --------- | ------------------------- |
    | [T0001 Make a Plan](../../generated_pages/techniques/T0001.md) | They made a plan (T0001: Make a Plan). |


    DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW

    """,
  ]

  static func technique(_ id: String, _ name: String, summary: String, incidents: String) -> String {
    """
    # Technique \(id): \(name)

    **Summary**: \(summary)

    **Tactic**: TA01 Plan Strategy 


    | Associated Technique | Description |
    | --------- | ------------------------- |



    | Incident | Descriptions given for this incident |
    | -------- | -------------------- |
    \(incidents)


    | Counters | Response types |
    | -------- | -------------- |


    DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW

    """
  }

  /// A fresh copy; fails the test unless it lints clean.
  static func make(sourceLocation: SourceLocation = #_sourceLocation) throws -> LintFixture {
    let fixture = LintFixture(root: TemporaryFolder.make("disarm-cli"))
    for (path, text) in pages { try fixture.write(path, text) }
    let write = try DisarmProcess.run(
      ["build", "kb", "--write", "--output", fixture.root.appendingPathComponent("out").path], in: fixture.root)
    try #require(write.status == 0, "build --write: \(write.stdout)\(write.stderr)", sourceLocation: sourceLocation)
    return fixture
  }

  func write(_ path: String, _ text: String) throws {
    let url = folder.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func replace(_ path: String, _ old: String, with new: String, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    let url = folder.appendingPathComponent(path)
    let text = try String(contentsOf: url, encoding: .utf8)
    try #require(text.contains(old), "\(path) does not contain \(old)", sourceLocation: sourceLocation)
    try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
  }

  /// Writes `text` to a new temporary file.
  static func save(_ text: String, as name: String) throws -> URL {
    let url = TemporaryFolder.make("disarm-cli").appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
  }
}

/// `disarm lint --format json`, decoded.
struct LintOutput {
  struct Diagnostic: Equatable, Comparable, CustomStringConvertible {
    var file: String
    var line: Int
    var column: Int
    var rule: String
    var severity: String
    var message: String

    static func < (a: Diagnostic, b: Diagnostic) -> Bool {
      (a.file, a.line, a.column, a.rule, a.message) < (b.file, b.line, b.column, b.rule, b.message)
    }
    var description: String { "\(file):\(line):\(column): \(severity): \(message) [\(rule)]" }
  }

  var tool: String
  var diagnostics: [Diagnostic]
  var errors: Int
  var warnings: Int

  init(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
      "not a JSON object: \(text.prefix(300))",
      sourceLocation: sourceLocation)
    tool = object["tool"] as? String ?? ""
    let summary = object["summary"] as? [String: Any] ?? [:]
    errors = summary["errors"] as? Int ?? -1
    warnings = summary["warnings"] as? Int ?? -1
    let list = try #require(object["diagnostics"] as? [[String: Any]], sourceLocation: sourceLocation)
    diagnostics = try list.map { entry in
      Diagnostic(
        file: try #require(entry["file"] as? String, sourceLocation: sourceLocation),
        line: try #require(entry["line"] as? Int, sourceLocation: sourceLocation),
        column: try #require(entry["column"] as? Int, sourceLocation: sourceLocation),
        rule: try #require(entry["rule"] as? String, sourceLocation: sourceLocation),
        severity: try #require(entry["severity"] as? String, sourceLocation: sourceLocation),
        message: try #require(entry["message"] as? String, sourceLocation: sourceLocation))
    }
  }
}

/// Other programs the end-to-end tests drive: Python (schema validation, a pseudo-terminal, pre-commit) and git.
enum ExternalTool {
  struct Result {
    var status: Int32
    var output: String
  }

  /// Runs `arguments` through `/usr/bin/env` with stdout and stderr together; `removing` drops variables.
  static func run(
    _ arguments: [String], in directory: URL = DisarmProcess.repository, environment: [String: String] = [:],
    removing: [String] = []
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    for name in removing { env[name] = nil }
    env.merge(environment) { $1 }
    process.environment = env
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
  }

  static var python3Available: Bool { (try? run(["python3", "--version"]).status) == 0 }

  /// Runs a program on a pseudo-terminal (Python's `pty`), so that it sees a terminal on stdout.
  static func runInTerminal(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws
    -> Result
  {
    let script = "import os, pty, sys; sys.exit(os.waitstatus_to_exitcode(pty.spawn(sys.argv[1:])))"
    return try run(
      ["python3", "-c", script] + arguments, in: directory, environment: environment,
      removing: environment["NO_COLOR"] == nil ? ["NO_COLOR"] : [])
  }

  /// Validates `document` against a schema of the repository with `scripts/validate-json.py`.
  static func expectValid(_ document: URL, schema: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let result = try run([
      "python3", DisarmProcess.repository.appendingPathComponent("scripts/validate-json.py").path,
      DisarmProcess.repository.appendingPathComponent(schema).path, document.path,
    ])
    #expect(
      result.status == 0,
      "\(schema): validation of \(document.lastPathComponent) failed:\n\(result.output.prefix(3000))",
      sourceLocation: sourceLocation)
  }
}
