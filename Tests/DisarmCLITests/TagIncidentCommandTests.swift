import DisarmTestSupport
import Foundation
import Testing

/// `disarm tag --into-incident` and `--new-incident` through the binary: the techniques a report shows written as an
/// incident's rows (stdout the evidence, stderr what was written, exit codes), `build --check` clean afterwards,
/// tagging again changes nothing, `--dry-run` writes nothing, and what cannot be written is refused with exit 2.
@Suite(.serialized) struct TagIncidentCommandTests {
  static let report = """
    # Takedown

    The operators ran accounts on a microblogging platform (T0151.008: Microblogging Platform) and posted content.

    They counted the reposts of each post (T0132: Measure Performance) every day.

    """

  /// A copy of `data/` with the register of retired identifiers, and the report beside it.
  static func setUp(_ text: String = report) throws -> (root: URL, kb: URL, report: String) {
    let (root, kb) = try RegisterCommandTests.knowledgeBase()
    let file = root.appendingPathComponent("takedown.md")
    try Data(text.utf8).write(to: file)
    return (root, kb, file.path)
  }

  @Test func intoIncidentAddsTheTechniquesAndTaggingAgainChangesNothing() throws {
    let (root, kb, report) = try Self.setUp()
    defer { try? FileManager.default.removeItem(at: root) }
    let incident = kb.appendingPathComponent("incidents/I00901.md")
    let before = try String(contentsOf: incident, encoding: .utf8)
    let run = try DisarmProcess.run(["tag", report, "--kb", kb.path, "--into-incident", "I00901"])
    #expect(run.status == 0, "\(run.stderr)")
    // stdout is the evidence, as without the option; stderr says what was written.
    #expect(run.stdout.split(separator: "\n").count == 2, "\(run.stdout)")
    #expect(run.stdout.contains("\(report):3:57: T0151.008 Microblogging Platform (identifier)"))
    #expect(run.stdout.contains("\(report):5:40: T0132 Measure Performance (identifier)"))
    #expect(
      run.stderr.contains(
        "updated: \(kb.path)/incidents/I00901.md Coordinated hashtag campaign against a city election "
          + "(2 techniques found)\n"), "\(run.stderr)")
    #expect(run.stderr.contains("tagged into I00901: 3 pages written\n"), "\(run.stderr)")
    #expect(run.stderr.contains("disarm tag: 2 mentions of 2 objects in 1 report; 0 retired, 0 unknown"))
    let after = try String(contentsOf: incident, encoding: .utf8)
    #expect(after.contains("| takedown.md |  |  |  |  |\n"))
    #expect(
      after.contains(
        "T0132.md) | They counted the reposts of each post (T0132: Measure Performance) every day. |\n"))
    #expect(after.contains("(T0151.008: Microblogging Platform).<br><br>The operators ran accounts on a microblogging"))
    let notes = { (text: String) in text.components(separatedBy: "PLEASE ADD NOTES BELOW").last }
    #expect(notes(after) == notes(before))
    let check = try DisarmProcess.run(["build", kb.path, "--check"])
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    let tree = try ImportIncidentsCommandTests.snapshot(kb)
    let again = try DisarmProcess.run(["tag", report, "--kb", kb.path, "--into-incident", "I00901"])
    #expect(again.status == 0)
    #expect(again.stderr.contains("unchanged: \(kb.path)/incidents/I00901.md"), "\(again.stderr)")
    #expect(again.stderr.contains("tagged into I00901: 0 pages written\n"))
    #expect(try ImportIncidentsCommandTests.snapshot(kb) == tree)
  }

  @Test func dryRunListsThePagesAndWritesNone() throws {
    let (root, kb, report) = try Self.setUp()
    defer { try? FileManager.default.removeItem(at: root) }
    let tree = try ImportIncidentsCommandTests.snapshot(kb)
    let run = try DisarmProcess.run([
      "tag", report, "--kb", kb.path, "--new-incident", "Takedown of a bot network", "--dry-run",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    for page in ["incidents/I00906.md", "incidents_index.md", "techniques/T0132.md", "techniques/T0151.008.md"] {
      #expect(run.stdout.contains("would \(page.hasPrefix("incidents/") ? "create" : "update"): \(kb.path)/\(page)\n"))
    }
    #expect(run.stderr.contains("would create: \(kb.path)/incidents/I00906.md Takedown of a bot network"))
    #expect(run.stderr.contains("dry run: tagged into I00906: 4 pages to write\n"), "\(run.stderr)")
    #expect(try ImportIncidentsCommandTests.snapshot(kb) == tree)
  }

  @Test func newIncidentMakesOnePageAndFindsItAgain() throws {
    let (root, kb, report) = try Self.setUp()
    defer { try? FileManager.default.removeItem(at: root) }
    let arguments = [
      "tag", report, "--kb", kb.path, "--new-incident", "Takedown of a bot network", "--reference",
      "https://example.org/takedown", "--format", "json",
    ]
    let run = try DisarmProcess.run(arguments)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("{"))
    #expect(run.stderr.contains("created: \(kb.path)/incidents/I00906.md Takedown of a bot network"), "\(run.stderr)")
    let page = try String(contentsOf: kb.appendingPathComponent("incidents/I00906.md"), encoding: .utf8)
    #expect(page.contains("* **Imported from:** report:takedown.md#name=Takedown of a bot network\n"))
    #expect(page.contains("| [https://example.org/takedown](https://example.org/takedown) |  |  |  |  |\n"))
    let check = try DisarmProcess.run(["build", kb.path, "--check"])
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    let tree = try ImportIncidentsCommandTests.snapshot(kb)
    let again = try DisarmProcess.run(arguments)
    #expect(again.status == 0 && again.stderr.contains("unchanged: \(kb.path)/incidents/I00906.md"))
    #expect(try ImportIncidentsCommandTests.snapshot(kb) == tree)
  }

  @Test func anUnknownIdentifierStillExitsOneAfterTheKnownTechniquesAreWritten() throws {
    let (root, kb, report) = try Self.setUp(Self.report + "Someone wrote T9999.999 by mistake.\n")
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try DisarmProcess.run(["tag", report, "--kb", kb.path, "--into-incident", "I00902"])
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stdout.contains("T9999.999 (identifier); no such technique"))
    #expect(run.stderr.contains("tagged into I00902: 3 pages written\n"), "\(run.stderr)")
  }

  @Test func whatCannotBeWrittenIsRefusedWithExitTwo() throws {
    let (root, kb, report) = try Self.setUp()
    defer { try? FileManager.default.removeItem(at: root) }
    let tree = try ImportIncidentsCommandTests.snapshot(kb)
    let cases: [([String], String)] = [
      (["--into-incident", "I00999"], "I00999: no incident page of the knowledge base has this identifier"),
      (["--into-incident", "I00901", "--new-incident", "X"], "--into-incident and --new-incident exclude each other"),
      (["--dry-run"], "--reference and --dry-run go with --into-incident or --new-incident"),
      (["--new-incident", "X", "--reference", "ftp://example.org/x"], "is not an http(s) address"),
      (["--new-incident", "  "], "--new-incident names no incident"),
    ]
    for (options, message) in cases {
      let run = try DisarmProcess.run(["tag", report, "--kb", kb.path] + options)
      #expect(run.status == 2, "\(options): \(run.stderr)")
      #expect(run.stderr.contains(message), "\(options): \(run.stderr)")
    }
    #expect(try ImportIncidentsCommandTests.snapshot(kb) == tree)
  }

  /// The issue's acceptance: `--into-incident` on a copy of the 2025-02-10 release leaves `build --check` clean,
  /// lint's findings as they were, and the notes untouched.
  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func intoIncidentOnTheReleaseLeavesBuildCheckCleanAndNotesUntouched() throws {
    let (root, kb) = try ImportIncidentsCommandTests.copy(Corpus.release("disarm-2025-02-10"))
    defer { try? FileManager.default.removeItem(at: root) }
    let incident = kb.appendingPathComponent("generated_pages/incidents/I00002.md")
    let notes = "\n\nAnalyst note: kept byte for byte | with a pipe.\n"
    try Data((try String(contentsOf: incident, encoding: .utf8) + notes).utf8).write(to: incident)
    let lintBefore = try DisarmProcess.run(["lint", kb.path])
    let checkBefore = try DisarmProcess.run(["build", kb.path, "--check"])
    let report = root.appendingPathComponent("takedown.md")
    try Data(
      ("The network's bots reposted every article (T0049.003: Bots Amplify via Automated Forwarding and "
        + "Reposting).\n\nIt ran its own Microblogging Platform accounts, and inauthentic news sites.\n").utf8
    ).write(to: report)
    let run = try DisarmProcess.run(["tag", report.path, "--kb", kb.path, "--into-incident", "I00002"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("updated: ") && run.stderr.contains("incidents/I00002.md"), "\(run.stderr)")
    let page = try String(contentsOf: incident, encoding: .utf8)
    #expect(page.hasSuffix("DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW" + notes))
    #expect(page.contains("T0049.003.md) | The network's bots reposted every article"))
    // The release's own errors are as they were (build --check exits 1 on them before and after), nothing is out
    // of date.
    let check = try DisarmProcess.run(["build", kb.path, "--check"])
    let summary = { (text: String) in text.split(separator: "\n").last.map(String.init) ?? "" }
    #expect(check.status == checkBefore.status && summary(check.stderr) == summary(checkBefore.stderr))
    #expect(summary(check.stderr).hasSuffix("; 0 pages out of date"), "\(summary(check.stderr))")
    let lintAfter = try DisarmProcess.run(["lint", kb.path])
    #expect(summary(lintAfter.stderr) == summary(lintBefore.stderr), "\(lintAfter.stderr.suffix(300))")
    let tree = try ImportIncidentsCommandTests.snapshot(kb)
    let again = try DisarmProcess.run(["tag", report.path, "--kb", kb.path, "--into-incident", "I00002"])
    #expect(again.status == 0 && again.stderr.contains("0 pages written"), "\(again.stderr)")
    #expect(try ImportIncidentsCommandTests.snapshot(kb) == tree)
  }
}
