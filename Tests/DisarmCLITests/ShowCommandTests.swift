import DisarmTestSupport
import Foundation
import Testing

/// End-to-end: `disarm show`, `list` and `search`, with and without a terminal.
@Suite struct ShowCommandTests {
  @Test func showsTheSampleTechnique() throws {
    let result = try DisarmProcess.run(["show", "T0151.008", "--kb", "data", "--width", "100"])
    #expect(result.status == 0)
    let out = result.stdout
    #expect(out.hasPrefix("Technique T0151.008: Microblogging Platform\ntechniques/T0151.008.md\n"))
    #expect(out.contains("Tactic (1)\n  TA07 Select Channels and Affordances  phase P02 Prepare"))
    #expect(out.contains("Parent technique (1)\n  T0151 Digital Community Hosting Asset"))
    #expect(
      out.contains(
        "Incidents (3)\n  I00901 Coordinated hashtag campaign against a city election\n      The campaign ran"))
    #expect(out.contains("Notes\n  Analyst note:"))
    #expect(!out.contains("\u{1B}"), "no escape codes without a terminal")
  }

  @Test func lookupIsCaseInsensitiveAndByName() throws {
    let byID = try DisarmProcess.run(["show", "t0151.008", "--kb", "data"])
    let byName = try DisarmProcess.run(["show", "microblogging platform", "--kb", "data"])
    #expect(byID.status == 0)
    #expect(byID.stdout == byName.stdout)
  }

  @Test func unknownIDExitsOneWithSuggestions() throws {
    let result = try DisarmProcess.run(["show", "T0151.018", "--kb", "data"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.hasPrefix("disarm: no object 'T0151.018'; did you mean:\n  T0151.008  Microblogging Platform\n"))
  }

  @Test func ambiguousNameListsCandidates() throws {
    let result = try DisarmProcess.run(["show", "platform", "--kb", "data"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("matches"))
    #expect(result.stderr.contains("  T0151.004  Chat Platform"))
    #expect(result.stderr.contains("  T0151.008  Microblogging Platform"))
  }

  @Test func jsonAndMarkdownFormats() throws {
    let json = try DisarmProcess.run(["show", "T0151.008", "--kb", "data", "--format", "json"])
    let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let object = try #require(document?["object"] as? [String: Any])
    #expect(object["id"] as? String == "T0151.008")
    let related = try #require(document?["related"] as? [String: Any])
    #expect((related["incidents"] as? [[String: Any]])?.count == 3)
    let markdown = try DisarmProcess.run(["show", "T0151.008", "--kb", "data", "--format", "markdown"])
    #expect(markdown.stdout.hasPrefix("# Technique T0151.008: Microblogging Platform\n"))
    #expect(markdown.stdout.contains("\n## Incidents\n\n- I00901 "))
  }

  @Test func knowledgeBaseFromEnvironment() throws {
    let result = try DisarmProcess.run(
      ["show", "TA07"], in: TemporaryFolder.make("disarm-cli"),
      environment: ["DISARM_KB": DisarmProcess.repository.appendingPathComponent("data").path])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("Tactic TA07: Select Channels and Affordances"))
    #expect(result.stdout.contains("Techniques (6)\n  T0151 Digital Community Hosting Asset\n"))
  }

  @Test func terminalControlSequencesInPagesAreShownInert() throws {
    let kb = TemporaryFolder.make("disarm-cli")
    try FileManager.default.createDirectory(at: kb.appendingPathComponent("phases"), withIntermediateDirectories: true)
    let hostile =
      "# Phase P01: Plan\u{1B}[31mRED\n\n* **Summary:** a\u{1B}]0;pwned\u{07} b\rc &#27;[2J d\u{9B}31m\n\nDO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW\n\u{1B}[5mnote"
    try Data(hostile.utf8).write(to: kb.appendingPathComponent("phases/P01.md"))
    for format in ["text", "markdown"] {
      let result = try DisarmProcess.run(["show", "P01", "--kb", kb.path, "--format", format, "--color", "always"])
      #expect(result.status == 0)
      let body = result.stdout.replacingOccurrences(of: #"\x{1B}\[[0-9;]*m"#, with: "", options: .regularExpression)
      // Only our own SGR colour codes may remain; none of the page's sequences.
      #expect(!body.contains("\u{1B}"), "\(format): \(body.debugDescription)")
      #expect(!body.contains("\r") && !body.contains("\u{07}") && !body.contains("\u{9B}"))
      #expect(body.contains("␛[31mRED"))
      #expect(!result.stdout.contains("\u{1B}[5m") && !result.stdout.contains("\u{1B}]0;"))
    }
    let lint = try DisarmProcess.run(["lint", kb.path, "--color", "never"])
    #expect(!lint.stdout.contains("\u{1B}") && !lint.stdout.contains("\r"))
  }

  @Test func listAndSearch() throws {
    let list = try DisarmProcess.run(["list", "techniques", "--kb", "data", "--parent", "T0151"])
    #expect(list.status == 0)
    let lines = list.stdout.split(separator: "\n")
    #expect(lines.first == "ID         KIND       NAME                    TACTIC  FILE")
    #expect(lines.count == 6)
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("T0151.") })
    let csv = try DisarmProcess.run(["list", "tactics", "--kb", "data", "--format", "csv"])
    #expect(csv.stdout.hasPrefix("id,kind,name,tactic,file\r\nTA01,tactic,Plan Strategy,,tactics/TA01.md\r\n"))
    let search = try DisarmProcess.run(["search", "microblogging", "platform", "--kb", "data"])
    #expect(search.status == 0)
    #expect(
      search.stdout.hasPrefix("T0151.008  Microblogging Platform  [summary]\n    A Microblogging Platform is a service")
    )
    let none = try DisarmProcess.run(["search", "zzzqqq", "--kb", "data"])
    #expect(none.status == 1)
    // An identifier finds its object first, and a parent's identifier its sub-techniques.
    let byID = try DisarmProcess.run(["search", "T0151.004", "--kb", "data"])
    #expect(byID.stdout.hasPrefix("T0151.004  Chat Platform  ["), "\(byID.stdout)")
    let parent = try DisarmProcess.run(["search", "T0151", "--kb", "data"])
    #expect(parent.stdout.hasPrefix("T0151  "), "\(parent.stdout)")
    #expect(parent.stdout.contains("T0151.008  Microblogging Platform"))
  }

  /// In the 2026 Assessments release, whose pages rarely write an assessment's code, the code still finds it.
  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func searchFindsAnAssessmentByItsCode() throws {
    let result = try DisarmProcess.run(["search", "A0001.003", "--kb", Corpus.pages("disarm-2026-07-19").path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("A0001.003  Conceal Presence of Coordination"), "\(result.stdout)")
  }
}

/// `disarm show` under a pseudo-terminal (util-linux `script`): colour and wrapping follow the terminal.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "script(1) is not installed"))
struct ShowTerminalTests {
  func runInTerminal(_ arguments: String, columns: Int) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    let command = "stty cols \(columns) rows 200; \(DisarmProcess.binary.path) \(arguments)"
    process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
    process.currentDirectoryURL = DisarmProcess.repository
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: "NO_COLOR")
    environment.removeValue(forKey: "COLUMNS")
    environment["PAGER"] = "cat"
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
  }

  func visibleWidths(_ text: String) -> [Int] {
    let plain: String = text.replacingOccurrences(of: #"\x{1B}\[[0-9;]*m"#, with: "", options: .regularExpression)
    return plain.components(separatedBy: "\n").map { $0.count }
  }

  @Test(arguments: [50, 100])
  func colourAndWrappingFollowTheTerminal(columns: Int) throws {
    let output = try runInTerminal("show T0151.008 --kb data", columns: columns)
    #expect(output.contains("\u{1B}[1m"), "bold title on a terminal")
    #expect(output.contains("Microblogging Platform"))
    let widths = visibleWidths(output)
    #expect(widths.max()! <= columns)
    #expect(widths.max()! > columns - 15, "lines use the width")
  }

  @Test func noColorTurnsColourOff() throws {
    let output = try runInTerminal("show T0151.008 --kb data --color never", columns: 80)
    #expect(!output.contains("\u{1B}["))
  }
}
