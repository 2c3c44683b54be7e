import DisarmParser
import Foundation

/// A tiny knowledge base that shows one rule at work: it either makes the rule fire (`triggers`) or is the same
/// knowledge base with the problem fixed, where the rule must stay silent. The examples document each rule in
/// `disarm explain` and run as tests.
public struct RuleExample: Sendable {
  /// How a test decides whether the rule fired.
  public enum Check: Sendable {
    /// The rule is reported by ``KnowledgeBaseLoader/load(from:)``.
    case loading
    /// The rule is reported when pages are regenerated (`PageRenderer.render`, then `PageSync.changes` for
    /// `derived-out-of-date`, as `disarm lint` does). Only the example's own pages count: derived whole pages
    /// (indexes, matrices) that the example leaves out would be created, not found out of date.
    case rendering
  }

  /// Page-folder-relative path to content: a complete tiny knowledge base. A path with a component ending in `.md`
  /// before its last one (`incidents/I00001.md/draft.md`) makes that page a folder.
  public var pages: [String: String]
  /// Whether the rule must fire on these pages.
  public var triggers: Bool
  /// What the example shows, in one sentence.
  public var note: String
  /// How a test checks the example.
  public var check: Check
  /// Paths whose content is written in ISO-8859-1 rather than UTF-8 (to show a page that is not valid UTF-8).
  public var latin1Pages: Set<String>

  /// An example; see the properties.
  public init(
    triggers: Bool, note: String, pages: [String: String], check: Check = .loading, latin1Pages: Set<String> = []
  ) {
    self.pages = pages
    self.triggers = triggers
    self.note = note
    self.check = check
    self.latin1Pages = latin1Pages
  }

  /// The bytes written for the page at `path`: UTF-8, or ISO-8859-1 for ``latin1Pages``.
  public func bytes(of path: String) -> [UInt8] {
    guard let content = pages[path] else { return [] }
    guard latin1Pages.contains(path) else { return Array(content.utf8) }
    // Characters ISO-8859-1 cannot write become '?'.
    return content.unicodeScalars.map { UInt8($0.value < 256 ? $0.value : 0x3F) }
  }

  /// Writes every page under `folder` (created as needed), ready for ``KnowledgeBaseLoader/load(from:)``.
  public func write(to folder: URL) throws {
    for path in pages.keys.sorted() {
      let file = folder.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes(of: path)).write(to: file)
    }
  }
}

extension Rule {
  /// Triggering and non-triggering examples of the rule (see ``RuleExample``), at least one of each.
  public var examples: [RuleExample] { RuleExamples.byRule[id] ?? [] }
}

/// The example table, by rule id.
enum RuleExamples {
  static let byRule: [String: [RuleExample]] = [
    // MARK: Reading
    Rules.unreadableFile.id: pair(
      "The incident page is a folder, which cannot be read as a page.",
      ["incidents/I00001.md/draft.md": "A draft kept in a folder named like the page.\n"],
      "The incident page is a file.",
      ["incidents/I00001.md": Page.incident()]),
    Rules.binaryContent.id: pair(
      "The incident's summary holds a NUL byte.",
      ["incidents/I00001.md": Page.incident(summary: "Accounts pushed one hashtag\u{0} for a week.")],
      "The NUL byte is removed.",
      ["incidents/I00001.md": Page.incident(summary: "Accounts pushed one hashtag for a week.")]),
    Rules.invalidUTF8.id: [
      RuleExample(
        triggers: true, note: "The incident page was saved in ISO-8859-1: its 'é' is not valid UTF-8.",
        pages: ["incidents/I00001.md": Page.incident(summary: "Accounts posted from a café's network.")],
        latin1Pages: ["incidents/I00001.md"]),
      RuleExample(
        triggers: false, note: "The same page saved as UTF-8.",
        pages: ["incidents/I00001.md": Page.incident(summary: "Accounts posted from a café's network.")]),
    ],
    Rules.unexpectedFile.id: pair(
      "A plain-text copy of a page sits in the incidents folder.",
      ["incidents/I00001.md": Page.incident(), "incidents/I00001.txt": "An old copy of the summary.\n"],
      "The stray file is removed.",
      ["incidents/I00001.md": Page.incident()]),

    // MARK: Structure
    Rules.fileNameNotID.id: pair(
      "The file name has four digits; incident identifiers have five.",
      ["incidents/I0001.md": Page.incident()],
      "The page is named by its identifier.",
      ["incidents/I00001.md": Page.incident()]),
    Rules.wrongFolder.id: pair(
      "An incident page was saved in the counters folder.",
      ["counters/I00001.md": Page.incident()],
      "The page is in the incidents folder.",
      ["incidents/I00001.md": Page.incident()]),
    Rules.missingHeading.id: pair(
      "The heading is written at level 2 (`##`), so the page has no level-1 heading.",
      ["incidents/I00001.md": Page.incident(headingPrefix: "##")],
      "The heading is at level 1.",
      ["incidents/I00001.md": Page.incident()]),
    Rules.headingIDMismatch.id: pair(
      "The heading says I00010 but the file is I00001.md.",
      ["incidents/I00001.md": Page.incident(headingID: "I00010")],
      "The heading repeats the file name's identifier.",
      ["incidents/I00001.md": Page.incident()]),
    Rules.headingKindMismatch.id: pair(
      "The heading's kind word is 'Campaign', not 'Incident'.",
      ["incidents/I00001.md": Page.incident(kindWord: "Campaign")],
      "The heading starts with 'Incident'.",
      ["incidents/I00001.md": Page.incident()]),
    Rules.duplicateID.id: pair(
      "A copy saved as 'I00001 .md' (with a space) defines I00001 a second time.",
      ["incidents/I00001.md": Page.incident(), "incidents/I00001 .md": Page.incident()],
      "The copy is removed.",
      ["incidents/I00001.md": Page.incident()]),
    Rules.missingNotesMarker.id: pair(
      "The page has no notes marker line.",
      ["incidents/I00001.md": Page.incident(marker: false)],
      "The page ends with the marker line.",
      ["incidents/I00001.md": Page.incident()]),
    Rules.malformedTableRow.id: pair(
      "An unescaped `|` in the Org cell splits the reference row into six cells.",
      ["incidents/I00001.md": Page.incident(references: [Page.reference(org: "Example Lab | Example University")])],
      "The `|` is escaped as `\\|`.",
      ["incidents/I00001.md": Page.incident(references: [Page.reference(org: "Example Lab \\| Example University")])]),
    Rules.unreadableField.id: pair(
      "The technique's Tactic field gives the tactic's name without its identifier.",
      base(["techniques/T0001.md": Page.technique(tactic: "Plan Strategy")]),
      "The field starts with the identifier.",
      base()),
    Rules.emptySummary.id: pair(
      "The incident's summary is empty.",
      ["incidents/I00001.md": Page.incident(summary: "")],
      "The summary says what happened.",
      ["incidents/I00001.md": Page.incident()]),
    Rules.mixedTemplates.id: pair(
      "T0002 uses the 2022 template (bulleted fields, `Belongs to tactic stage`) while T0001 uses the 2025 one.",
      base([
        "tactics/TA01.md": Page.tactic(techniques: [Page.row("T0001"), Page.row("T0002")]),
        "techniques/T0002.md": Page.technique2022("T0002"),
      ]),
      "T0002 is migrated to the 2025 template.",
      base([
        "tactics/TA01.md": Page.tactic(techniques: [Page.row("T0001"), Page.row("T0002")]),
        "techniques/T0002.md": Page.technique("T0002"),
      ])),

    // MARK: References
    Rules.unresolvedLink.id: pair(
      "The technique's Tactic field names TA02, which has no page.",
      base(["techniques/T0001.md": Page.technique(tactic: "TA02 Plan Strategy")]),
      "The field names TA01.",
      base()),
    Rules.unresolvedReference.id: pair(
      "The technique's summary mentions TA10, a typo for TA01.",
      base(["techniques/T0001.md": Page.technique(summary: "Settle whom to reach, as part of TA10: Plan Strategy.")]),
      "The summary mentions TA01.",
      base(["techniques/T0001.md": Page.technique(summary: "Settle whom to reach, as part of TA01: Plan Strategy.")])),
    Rules.nameMismatch.id: pair(
      "The technique's Tactic field misspells the tactic's name.",
      base(["techniques/T0001.md": Page.technique(tactic: "TA01 Plan Stratgy")]),
      "The field repeats the name as the tactic's heading gives it.",
      base()),
    Rules.brokenLink.id: pair(
      "The tactic links to its technique through a folder outside the knowledge base.",
      base([
        "tactics/TA01.md": Page.tactic(
          techniques: [Page.row("T0001").replacingOccurrences(of: "../../generated_pages/", with: "../../pages/")])
      ]),
      "The link has the DISARM form `../../generated_pages/techniques/T0001.md`.",
      base()),
    Rules.parentMismatch.id: pair(
      "T0001.001's Parent Technique field names T0010.",
      base([
        "tactics/TA01.md": Page.tactic(techniques: [Page.row("T0001"), Page.row("T0001.001")]),
        "techniques/T0001.001.md": Page.technique("T0001.001", parent: "T0010 Choose an Audience"),
      ]),
      "The field names T0001, the parent the identifier gives.",
      base([
        "tactics/TA01.md": Page.tactic(techniques: [Page.row("T0001"), Page.row("T0001.001")]),
        "techniques/T0001.001.md": Page.technique("T0001.001", parent: "T0001 Choose an Audience"),
      ])),
    Rules.subtechniqueTacticMismatch.id: pair(
      "T0001.001 belongs to TA02 while its parent T0001 belongs to TA01.",
      twoTactics(subtechniqueTactic: "TA02"),
      "T0001.001 belongs to TA01, like its parent.",
      twoTactics(subtechniqueTactic: "TA01")),

    // MARK: Consistency
    Rules.derivedOutOfDate.id: [
      RuleExample(
        triggers: true, note: "The tactic's Techniques table does not list T0001, whose page names TA01.",
        pages: base(["tactics/TA01.md": Page.tactic(techniques: [])]), check: .rendering),
      RuleExample(
        triggers: false, note: "The Techniques table lists T0001, as regeneration writes it.", pages: base(),
        check: .rendering),
    ],
    Rules.conflictingFact.id: pair(
      "C00001's response type is D02 on the tactic page but D03 on the technique page.",
      withCounter(responseTypeOnTechnique: "D03"),
      "Both Counters tables give D02.",
      withCounter(responseTypeOnTechnique: "D02")),
    Rules.duplicateRow.id: pair(
      "The tactic's Techniques table lists T0001 twice.",
      base(["tactics/TA01.md": Page.tactic(techniques: [Page.row("T0001"), Page.row("T0001")])]),
      "T0001 is listed once.",
      base()),
    Rules.stalePage.id: pair(
      "P02 has a page but the phases index does not list it.",
      [
        "phases/P01.md": Page.phase(), "phases/P02.md": Page.phase("P02", "Prepare"),
        "phases_index.md": Page.phasesIndex([("P01", "Plan")]),
      ],
      "The index lists P02.",
      [
        "phases/P01.md": Page.phase(), "phases/P02.md": Page.phase("P02", "Prepare"),
        "phases_index.md": Page.phasesIndex([("P01", "Plan"), ("P02", "Prepare")]),
      ]),
    Rules.orphanPage.id: pair(
      "No tactic belongs to phase P02 and no index lists it, so nothing leads to it.",
      base(["phases/P02.md": Page.phase("P02", "Prepare")]),
      "Tactic TA02 belongs to P02.",
      base([
        "phases/P02.md": Page.phase("P02", "Prepare"),
        "tactics/TA02.md": Page.tactic("TA02", "Plan Objectives", phase: "P02", techniques: [Page.row("T0002")]),
        "techniques/T0002.md": Page.technique("T0002", tactic: "TA02 Plan Objectives"),
      ])),
    Rules.unusedTactic.id: pair(
      "No technique belongs to TA02.",
      base(["tactics/TA02.md": Page.tactic("TA02", "Plan Objectives", techniques: [])]),
      "Technique T0002 belongs to TA02.",
      base([
        "tactics/TA02.md": Page.tactic("TA02", "Plan Objectives", techniques: [Page.row("T0002")]),
        "techniques/T0002.md": Page.technique("T0002", tactic: "TA02 Plan Objectives"),
      ])),
    Rules.missingPage.id: pair(
      "The phases index lists P02, which has no page.",
      ["phases/P01.md": Page.phase(), "phases_index.md": Page.phasesIndex([("P01", "Plan"), ("P02", "Prepare")])],
      "The index lists only the phases that have pages.",
      ["phases/P01.md": Page.phase(), "phases_index.md": Page.phasesIndex([("P01", "Plan")])]),
    Rules.spreadsheetArtefact.id: pair(
      "The incident's Year started is written `2016.0`.",
      ["incidents/I00001.md": Page.incident(year: "2016.0")],
      "The year is written `2016`.",
      ["incidents/I00001.md": Page.incident(year: "2016")]),
    Rules.nameWhitespace.id: pair(
      "The incident's name in its heading ends with a space.",
      ["incidents/I00001.md": Page.incident(name: "Hashtag campaign against a city council ")],
      "The name is trimmed.",
      ["incidents/I00001.md": Page.incident(name: "Hashtag campaign against a city council")]),

    // MARK: Regeneration
    Rules.pageNotRegenerated.id: [
      RuleExample(
        triggers: true, note: "A free paragraph above the notes marker cannot be placed by regeneration.",
        pages: ["incidents/I00001.md": Page.incident(extraText: "Analysts still disagree about who ran it.")],
        check: .rendering),
      RuleExample(
        triggers: false, note: "The paragraph is moved below the marker, among the notes.",
        pages: ["incidents/I00001.md": Page.incident(notes: "Analysts still disagree about who ran it.")],
        check: .rendering),
    ],
  ]

  /// A triggering example and its fixed twin.
  static func pair(_ problem: String, _ triggering: [String: String], _ fix: String, _ fixed: [String: String])
    -> [RuleExample]
  {
    [
      RuleExample(triggers: true, note: problem, pages: triggering),
      RuleExample(triggers: false, note: fix, pages: fixed),
    ]
  }

  /// Phase P01, tactic TA01 and technique T0001, a clean knowledge base, with some pages replaced or added.
  static func base(_ changes: [String: String] = [:]) -> [String: String] {
    let pages = [
      "phases/P01.md": Page.phase(), "tactics/TA01.md": Page.tactic(), "techniques/T0001.md": Page.technique(),
    ]
    return pages.merging(changes) { $1 }
  }

  /// Tactics TA01 (T0001) and TA02 (T0002), and sub-technique T0001.001 under `subtechniqueTactic`.
  static func twoTactics(subtechniqueTactic: String) -> [String: String] {
    let under01 = subtechniqueTactic == "TA01"
    return base([
      "tactics/TA01.md": Page.tactic(techniques: [Page.row("T0001")] + (under01 ? [Page.row("T0001.001")] : [])),
      "tactics/TA02.md": Page.tactic(
        "TA02", "Plan Objectives", techniques: (under01 ? [] : [Page.row("T0001.001")]) + [Page.row("T0002")]),
      "techniques/T0001.001.md": Page.technique(
        "T0001.001", tactic: under01 ? "TA01 Plan Strategy" : "TA02 Plan Objectives",
        parent: "T0001 Choose an Audience"),
      "techniques/T0002.md": Page.technique("T0002", tactic: "TA02 Plan Objectives"),
    ])
  }

  /// Counter C00001 (tactic TA01, countering T0001), shown with response type D02 on the tactic page and
  /// `responseTypeOnTechnique` on the technique page.
  static func withCounter(responseTypeOnTechnique: String) -> [String: String] {
    base([
      "tactics/TA01.md": Page.tactic(counters: [Page.row("C00001", "D02")]),
      "techniques/T0001.md": Page.technique(counters: [Page.row("C00001", responseTypeOnTechnique)]),
      "counters/C00001.md": Page.counter(techniques: [Page.row("T0001")]),
    ])
  }
}

/// Pages in the 2025 template, laid out line by line exactly as DISARM's generator writes them (a page ends with the
/// marker line and no newline; `""` is a blank line).
private enum Page {
  static let marker = "DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW"

  /// Names of the objects the examples use.
  static let names = [
    "P01": "Plan", "P02": "Prepare", "TA01": "Plan Strategy", "TA02": "Plan Objectives",
    "T0001": "Choose an Audience", "T0001.001": "Audiences by Region", "T0002": "Pick a Goal",
    "C00001": "Slow down new accounts",
  ]

  /// `| [T0001 Choose an Audience](../../generated_pages/techniques/T0001.md) |`, then any further cells.
  static func row(_ id: String, _ cells: String...) -> String {
    let folder = DisarmID(id)?.kind.folder ?? ""
    let link = "[\(id) \(names[id] ?? "")](../../generated_pages/\(folder)/\(id).md)"
    return "| " + ([link] + cells).joined(separator: " | ") + " |"
  }

  /// The lines of a page, joined.
  static func page(_ lines: [String]...) -> String { lines.joined().joined(separator: "\n") }

  static func phase(_ id: String = "P01", _ name: String = "Plan") -> String {
    page([
      "# Phase \(id): \(name)", "",
      "* **Summary:** The stage called '\(name)' of an influence operation.", "",
      marker,
    ])
  }

  static func tactic(
    _ id: String = "TA01", _ name: String = "Plan Strategy", phase: String = "P01",
    techniques: [String] = [row("T0001")], counters: [String] = []
  ) -> String {
    page(
      [
        "# Tactic \(id): \(name)", "",
        "* **Summary:** Work out what the operation should achieve and how.", "",
        "* **Belongs to phase:** \(phase)", "", "", "",
        "| Tasks |", "| ----- |", "", "", "",
        "| Techniques |", "| ---------- |",
      ],
      techniques, ["", "", "", "| Counters | Response types |", "| -------- | -------------- |"],
      counters, ["", "", marker])
  }

  static func technique(
    _ id: String = "T0001", summary: String? = nil, tactic: String = "TA01 Plan Strategy", parent: String? = nil,
    counters: [String] = []
  ) -> String {
    let name = names[id] ?? ""
    return page(
      [
        "# Technique \(id): \(name)", "",
        "**Summary**: \(summary ?? "A step named '\(name)'.")", "",
        "**Tactic**: \(tactic) " + (parent.map { "<br><br>**Parent Technique:** \($0)" } ?? ""), "", "",
        "| Associated Technique | Description |", "| --------- | ------------------------- |", "", "", "",
        "| Incident | Descriptions given for this incident |", "| -------- | -------------------- |", "", "", "",
        "| Counters | Response types |", "| -------- | -------------- |",
      ],
      counters, ["", "", marker])
  }

  /// A technique page in the 2022 template: bulleted fields, the tactic by identifier only, no Associated Technique
  /// table.
  static func technique2022(_ id: String, tactic: String = "TA01") -> String {
    let name = names[id] ?? ""
    return page([
      "# Technique \(id): \(name)", "",
      "* **Summary**: A step named '\(name)'.", "",
      "* **Belongs to tactic stage**: \(tactic)", "", "",
      "| Incident | Descriptions given for this incident |", "| -------- | -------------------- |", "", "", "",
      "| Counters | Response types |", "| -------- | -------------- |", "", "",
      marker,
    ])
  }

  /// A row of an incident's Reference table, with `org` as the Org cell.
  static func reference(org: String) -> String {
    let url = "https://example.org/reports/city-council-hashtags"
    return "| [\(url)](\(url)) | 2021/03/01 | A. Writer | \(org) | [-](-) |"
  }

  /// Incident I00001, with the parts the examples vary. `extraText` is a paragraph above the marker, `notes` one
  /// below it.
  static func incident(
    kindWord: String = "Incident", headingPrefix: String = "#", headingID: String = "I00001",
    name: String = "Hashtag campaign against a city council",
    summary: String = "Accounts pushed one hashtag for a week.", year: String = "2021", references: [String] = [],
    extraText: String? = nil, marker hasMarker: Bool = true, notes: String? = nil
  ) -> String {
    page(
      [
        "\(headingPrefix) \(kindWord) \(headingID): \(name)", "",
        "* **Summary:** \(summary)", "",
        "* **incident type**: campaign", "",
        "* **Year started:** \(year)", "",
        "* **Countries:** UK", "",
        "* **Found via:** ", "",
        "* **Date added:** 2025-01-15", "", "",
        "| Reference | Pub Date | Authors | Org | Archive |", "| --------- | -------- | ------- | --- | ------- |",
      ],
      references,
      ["", " ", "", "| Technique | Description given for this incident |", "| --------- | ------------------------- |"],
      ["", ""], extraText.map { [$0, "", ""] } ?? [],
      hasMarker ? [marker] : [""], notes.map { ["", $0, ""] } ?? [])
  }

  static func counter(techniques: [String]) -> String {
    page(
      [
        "# Counter C00001: \(names["C00001"]!)", "",
        "* **Summary**: Limit how fast new accounts can post.", "",
        "* **Playbooks**: ", "",
        "* **Metatechnique**: ", "",
        "* **Resources needed:** ", "",
        "* **Belongs to tactic stage**: TA01", "", "",
        "| Actor types | Sectors |", "| ----------- | ------- |", "", "", "",
        "| Counters these Tactics |", "| ---------------------- |", "", "", "",
        "| Counters these Techniques |", "| ------------------------- |",
      ],
      techniques, ["", "", "", "| Seen in incidents |", "| ----------------- |", "", "", marker])
  }

  /// `phases_index.md` listing `phases` (identifier, name), in DISARM's HTML layout.
  static func phasesIndex(_ phases: [(id: String, name: String)]) -> String {
    var lines = ["# DISARM Phases:", "", "<table border=\"1\">", "<tr>", "<th>disarm_id</th>", "<th>name</th>"]
    lines += ["<th>summary</th>", "</tr>"]
    for (id, name) in phases {
      lines += ["<tr>", "<td><a href=\"phases/\(id).md\">\(id)</a></td>", "<td>\(name)</td>"]
      lines += ["<td>The stage called '\(name)' of an influence operation.</td>", "</tr>"]
    }
    return page(lines, ["</table>", ""])
  }
}
