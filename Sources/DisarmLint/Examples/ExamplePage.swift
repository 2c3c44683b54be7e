import DisarmDiagnostics
import DisarmModel

/// Pages in the 2025 template, laid out line by line exactly as DISARM's generator writes them (a page ends with the
/// marker line and no newline; `""` is a blank line).
enum ExamplePage {
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
    extraText: String? = nil, marker hasMarker: Bool = true, notes: String? = nil, importedFrom: String? = nil
  ) -> String {
    page(
      [
        "\(headingPrefix) \(kindWord) \(headingID): \(name)", "",
        "* **Summary:** \(summary)", "",
        "* **incident type**: campaign", "",
        "* **Year started:** \(year)", "",
        "* **Countries:** UK", "",
        "* **Found via:** ", "",
        "* **Date added:** 2025-01-15", "",
      ],
      importedFrom.map { ["* **Imported from:** \($0)", ""] } ?? [],
      [
        "",
        "| Reference | Pub Date | Authors | Org | Archive |", "| --------- | -------- | ------- | --- | ------- |",
      ],
      references,
      [
        "", " ", "", "| Technique | Description given for this incident |", "| --------- | ------------------------- |",
      ],
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
