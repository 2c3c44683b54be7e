import DisarmTestSupport
import Foundation
import Testing

/// A team's own DISARM-style framework, described in a file the project writes here (arcs, stages and moves with
/// their own identifier prefixes), goes through every command: build, regeneration, lint, show, list and STIX.
@Suite struct CustomFrameworkTests {
  static let description = """
    name: team-moves
    title: Our moves framework
    summary: Arcs, stages and the moves an operation makes in each.
    page-folder: .
    link-prefix: ../
    kinds:
      - {role: phase, singular: arc, plural: arcs, heading: Arc, folder: arcs, id: {prefix: AR, digits: 2}}
      - {role: tactic, singular: stage, plural: stages, heading: Stage, folder: stages, id: {prefix: S, digits: 2}}
      - {role: technique, singular: move, plural: moves, heading: Move, folder: moves,
         id: {prefix: MV, digits: 3, sub-digits: 2}}
    fields:
      tactic: [Stage]
      phase: [Belongs to arc]
      parent: [Parent Move]
    tables:
      techniques: Moves

    """

  static let marker = "DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW\n"

  /// Owner content only: the stage page has an empty Moves table (its rows are derived, in the page's own layout),
  /// and a note below its marker.
  static func knowledgeBase() throws -> URL {
    let folder = TemporaryFolder.make()
    let files = [
      "moves.yml": description,
      ".disarm.yml": "framework: moves.yml\n",
      "arcs/AR01.md": "# Arc AR01: Setup\n\n* **Summary:** Getting ready.\n\n" + marker,
      "stages/S01.md": "# Stage S01: Reconnaissance\n\n* **Summary:** Looking around.\n\n* **Belongs to arc:** AR01\n\n"
        + "| Moves |\n| ---------- |\n\n" + marker + "Our own note.\n",
      "moves/MV001.md": "# Move MV001: Scan\n\n**Summary**: Scan the targets.\n\n**Stage**: S01 Reconnaissance \n\n"
        + marker,
      "moves/MV001.01.md": "# Move MV001.01: Scan ports\n\n**Summary**: Scan open ports.\n\n"
        + "**Stage**: S01 Reconnaissance <br><br>**Parent Move:** MV001 Scan\n\n" + marker,
    ]
    for (path, text) in files {
      let url = folder.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return folder
  }

  @Test func everyCommandSpeaksTheFrameworksWords() throws {
    let kb = try Self.knowledgeBase()
    defer { try? FileManager.default.removeItem(at: kb) }

    let write = try DisarmProcess.run(["build", kb.path, "--write"])
    #expect(write.status == 0, "\(write.stderr)")
    #expect(write.stdout.contains("updated: stages/S01.md"))
    #expect(write.stderr.contains("4 objects (phases 1, tactics 1, techniques 2); 0 errors, 0 warnings"))
    // Regenerated in the framework's words and link style; the note kept; no DISARM whole pages invented.
    let stage = try String(contentsOf: kb.appendingPathComponent("stages/S01.md"), encoding: .utf8)
    #expect(stage.contains("\n| Moves |\n| ---------- |\n| [MV001 Scan](../moves/MV001.md) |\n"))
    #expect(stage.contains("| [MV001.01 Scan ports](../moves/MV001.01.md) |\n"))
    #expect(stage.hasSuffix(Self.marker + "Our own note.\n"))
    #expect(!FileManager.default.fileExists(atPath: kb.appendingPathComponent("techniques_index.md").path))

    let check = try DisarmProcess.run(["build", kb.path, "--check"])
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    let lint = try DisarmProcess.run(["lint", kb.path])
    #expect(lint.status == 0, "\(lint.stdout)")

    let show = try DisarmProcess.run(["show", "mv001.01", "--kb", kb.path, "--no-pager"])
    #expect(show.status == 0)
    #expect(show.stdout.hasPrefix("Move MV001.01: Scan ports\n"))
    #expect(show.stdout.contains("Stage (1)\n  S01 Reconnaissance  arc AR01 Setup\n"))
    #expect(show.stdout.contains("Parent move (1)\n  MV001 Scan\n"))

    let list = try DisarmProcess.run(["list", "moves", "--kb", kb.path, "--format", "csv"])
    #expect(list.status == 0)
    #expect(list.stdout.contains("MV001,technique,Scan,S01,moves/MV001.md"))
    let wrongKind = try DisarmProcess.run(["list", "techniques", "--kb", kb.path, "--tactic", "TA01"])
    #expect(wrongKind.status == 2)
    #expect(wrongKind.stderr.contains("'TA01' is not a stage identifier (like S01)"))

    let stix = kb.appendingPathComponent("stix.json")
    let export = try DisarmProcess.run(["export", "stix", kb.path, "--output", stix.path])
    #expect(export.status == 0, "\(export.stderr)")
    let bundle = try String(contentsOf: stix, encoding: .utf8)
    #expect(bundle.contains("\"name\": \"Our moves framework\""))
    #expect(bundle.contains("\"external_id\": \"MV001.01\""))
  }

  @Test func aBrokenDescriptionStopsEveryCommandAtTheMistake() throws {
    let kb = try Self.knowledgeBase()
    defer { try? FileManager.default.removeItem(at: kb) }
    let broken = Self.description.replacingOccurrences(of: "prefix: MV", with: "prefix: mv")
    try broken.write(to: kb.appendingPathComponent("moves.yml"), atomically: true, encoding: .utf8)
    for arguments in [["build", kb.path], ["lint", kb.path], ["show", "MV001", "--kb", kb.path]] {
      let result = try DisarmProcess.run(arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(
        result.stderr.contains("moves.yml:10:19: an identifier prefix is one or more capital letters A-Z"),
        "\(result.stderr)")
    }
    let unknown = try DisarmProcess.run(["build", kb.path, "--framework", "disarm-3"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("no framework description 'disarm-3' (built-in: amitt-2019"))
  }

  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func theAssessmentsFrameworkInItsOwnWords() throws {
    let tree = Corpus.release("disarm-2026-07-19")
    let show = try DisarmProcess.run(["show", "A0001.003", "--kb", tree.path, "--no-pager"])
    #expect(show.status == 0)
    #expect(show.stdout.hasPrefix("Assessment A0001.003: Conceal Presence of Coordination\n"))
    #expect(show.stdout.contains("Category (1)\n  TA80 Within Campaign Impact  group P20 Impact\n"))
    #expect(show.stdout.contains("Parent assessment (1)\n  A0001 Impact on Asset\n"))
    let list = try DisarmProcess.run(["list", "assessments", "--kb", tree.path, "--tactic", "TA80", "--format", "csv"])
    #expect(list.status == 0)
    #expect(list.stdout.split(whereSeparator: \.isNewline).count == 13)  // the header and TA80's 12 assessments
    let build = try DisarmProcess.run(["build", tree.path, "--check"])
    #expect(build.status == 0)
    #expect(
      build.stderr.contains(
        "149 objects (phases 3, tactics 6, techniques 140); 0 errors, 0 warnings; 0 pages out of date"))
  }

  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func anAMITT2019TechniqueShowsItsTacticAndIncidents() throws {
    let tree = Corpus.release("amitt-2019-10-15")
    let show = try DisarmProcess.run(["show", "T0007", "--kb", tree.path, "--no-pager"])
    #expect(show.status == 0)
    #expect(show.stdout.hasPrefix("Technique T0007: Create fake Social Media Profiles / Pages / Groups\n"))
    #expect(show.stdout.contains("\nTactic (1)\n  TA03 "))
    #expect(show.stdout.contains("\nIncidents (8)\n  I00005 "))
    let build = try DisarmProcess.run(["build", tree.path, "--check"])
    #expect(build.status == 0, "\(build.stderr)")
    #expect(
      build.stderr.contains("170 objects (phases 4, tactics 12, techniques 61, tasks 30, incidents 63); 0 errors"))
  }
}
