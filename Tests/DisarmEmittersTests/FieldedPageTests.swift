import DisarmLint
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmTestSupport
import Foundation
import Testing

/// Pages of a framework whose pages carry their identifier as a field (AMITT 2019): kept byte for byte, with only
/// the rows of their derived tables recomputed; the framework's single matrix and its incident list.
@Suite struct FieldedPageTests {
  static let marker = Notes.marker

  static func tactic(tasks: [String], techniques: [String]) -> String {
    """
    # Develop People

    * Type: Tactic

    * Name: Develop People

    * Id: TA03

    * Summary: Develop online and offline users and agents.

    * Phase: P02

    * Tasks:

    | Task |
    | ---- |
    \(tasks.map { $0 + "\n" }.joined())

    * Techniques:

    | Technique |
    | --------- |
    \(techniques.map { $0 + "\n" }.joined())
    \(marker)
    """
  }

  static func technique(incidents: [String], notes: String = "") -> String {
    """
    # Create fake Social Media Profiles

    * Type: Technique

    * Name: Create fake Social Media Profiles

    * Id: T0007

    * Summary: Create key social engineering assets.

    Examples:

    * Amplifiers: accounts that repeat the message.

    * Tactic: TA03

    * Incidents:

    | Incident | Descriptions given for this incident |
    | -------- | -------------------- |
    \(incidents.map { $0 + "\n" }.joined())
    \(marker)\(notes)
    """
  }

  static func incident(_ id: String, _ name: String, row: String) -> String {
    """
    # \(name)

    * Type: campaign

    * Name: \(name)

    * Id: \(id)

    * Summary: What happened.

    * Year started: 2016.0

    * From country / To country: Russia / UK

    * Found via: nan

    * Date added: 2019-02-24

    * Techniques used:

    | Technique | Description given for this incident |
    | --------- | ------------------------- |
    \(row)

    \(marker)
    """
  }

  static let task = """
    # Create personas

    * Type: Task

    * Name: Create personas

    * Id: TK0010

    * Summary: nan

    * Tactic: TA03
    \(marker)
    """

  static let phase = """
    # Preparation

    * Type: Phase

    * Name: Preparation

    * Id: P02

    * Summary: Preparation contains the activities conducted before execution.

    \(marker)
    """

  static let taskRow = "| [TK0010 Create personas](../tasks/TK0010.md) |"
  static let techniqueRow = "| [T0007 Create fake Social Media Profiles](../techniques/T0007.md) |"
  static let incidentRow = "| [I00005 Brexit vote](../incidents/I00005.md) | Fake FB groups + dark content |"

  /// A small AMITT 2019 tree, its derived rows as given.
  static func pages(tacticTasks: [String], incidents: [String], notes: String = "") -> [String: String] {
    [
      ".disarm.yml": "framework: amitt-2019\n",
      "phases/P02.md": phase,
      "tactics/TA03.md": tactic(tasks: tacticTasks, techniques: [techniqueRow]),
      "techniques/T0007.md": technique(incidents: incidents, notes: notes),
      "tasks/TK0010.md": task,
      "incidents/I00005.md": incident(
        "I00005", "Brexit vote",
        row:
          "| [T0007 Create fake Social Media Profiles](../techniques/T0007.md) | I00005T004 Fake FB groups + dark content |"
      ),
    ]
  }

  static func render(_ pages: [String: String]) throws -> [String: String] {
    let kb = try TemporaryKnowledgeBase.load(pages)
    #expect(kb.framework.name == "amitt-2019")
    return Dictionary(
      PageRenderer.render(kb).pages.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) },
      uniquingKeysWith: { a, _ in a })
  }

  @Test func pagesWithTheirDerivedRowsRegenerateUnchanged() throws {
    let pages = Self.pages(tacticTasks: [Self.taskRow], incidents: [Self.incidentRow])
    let rendered = try Self.render(pages)
    for path in ["tactics/TA03.md", "techniques/T0007.md", "incidents/I00005.md", "tasks/TK0010.md", "phases/P02.md"] {
      #expect(rendered[path] == pages[path], "\(path)")
    }
  }

  /// Missing derived rows come back (the technique's incident, its description without the `I00005T004` row
  /// identifier; the tactic's task); every other byte of the page, notes included, stays.
  @Test func missingDerivedRowsAreRecomputedInPlace() throws {
    let notes = "\nAnalyst notes: keep *this*.\n"
    let rendered = try Self.render(Self.pages(tacticTasks: [], incidents: [], notes: notes))
    let expected = Self.pages(tacticTasks: [Self.taskRow], incidents: [Self.incidentRow], notes: notes)
    #expect(rendered["techniques/T0007.md"] == expected["techniques/T0007.md"])
    #expect(rendered["tactics/TA03.md"] == expected["tactics/TA03.md"])
  }

  /// A row that no longer holds is removed, and the rows follow the incidents' own tables, not the technique's.
  @Test func rowsThatNoLongerHoldAreRemoved() throws {
    let stray = "| [I00009 PhilippinesExpert](../incidents/I00009.md) | FB pages |"
    let rendered = try Self.render(Self.pages(tacticTasks: [Self.taskRow], incidents: [Self.incidentRow, stray]))
    let page = try #require(rendered["techniques/T0007.md"])
    #expect(!page.contains("I00009"))
    #expect(page.contains(Self.incidentRow + "\n"))
  }

  /// A bullet inside a summary whose label is not one of the framework's plain fields stays part of the summary.
  @Test func aBulletInsideASummaryIsNotAField() throws {
    let kb = try TemporaryKnowledgeBase.load(Self.pages(tacticTasks: [], incidents: []))
    let page = try #require(kb.id("T0007").flatMap { kb[$0]?.page })
    #expect(page.field("amplifiers") == nil)
    #expect(page.field("summary")?.value.text.contains("* Amplifiers: accounts that repeat the message.") == true)
    #expect(page.field("tactic")?.value.text == "TA03")
  }

  /// The incident list: one row per incident, each cell the page's field as written, the countries split.
  @Test func theIncidentListIsBuiltFromTheIncidentPages() throws {
    let rendered = try Self.render(Self.pages(tacticTasks: [Self.taskRow], incidents: [Self.incidentRow]))
    let list = try #require(rendered["incidents.md"])
    #expect(
      list == """
        # AMITT Incidents:

        <table border="1">
        <tr>
        <th>id</th>
        <th>name</th>
        <th>type</th>
        <th>Year Started</th>
        <th>From country</th>
        <th>To country</th>
        <th>Found via</th>
        </tr>
        <tr>
        <td><a href="incidents/I00005.md">I00005</a></td>
        <td>Brexit vote</td>
        <td>campaign</td>
        <td>2016.0</td>
        <td>Russia</td>
        <td>UK</td>
        <td>nan</td>
        </tr>
        </table>

        """)
    let matrix = try #require(rendered["matrix.md"])
    #expect(
      matrix.hasPrefix(
        """
        # AMITT Latest Framework:

        <table border="1">
        <tr>
        <td><a href="phases/P02.md">P02 Preparation</a></td>
        </tr>
        <tr style="background-color:blue;color:white;">
        <td><a href="tactics/TA03.md">TA03 Develop People</a></td>
        </tr>
        <tr>
        <td><a href="techniques/T0007.md">T0007 Create fake Social Media Profiles</a></td>
        </tr>
        """))
  }
}
