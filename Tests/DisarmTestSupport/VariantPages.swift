/// Small pages in the layouts of DISARM's in-between generators (`../shared/corpus/variants/`), written out in full so
/// that tests can build variant-like knowledge bases without the corpus: 2022 phase and tactic pages, a technique page
/// in the 2025-02-05 layout (Associated Technique table, then `**Belongs to tactic stage**: TA02` without a name,
/// then the Incident and Counters tables), a 2024-11 incident page, and a techniques index.
public enum VariantPages {
  public static let marker = SamplePages.marker

  /// `* **Summary:** ` phase page of the 2022 template.
  public static func phase(_ id: String = "P01", _ name: String = "Plan") -> String {
    "# Phase \(id): \(name)\n\n* **Summary:** About \(name).\n\n\(marker)"
  }

  /// A 2022 tactic page; `tasks` and `techniques` are the rows of those tables, `nil` leaves the table out.
  public static func tactic(
    _ id: String = "TA02", _ name: String = "Plan Objectives", tasks: [String]? = [], techniques: [String]? = []
  ) -> String {
    var text = "# Tactic \(id): \(name)\n\n* **Summary:** About \(name).\n\n* **Belongs to phase:** P01\n\n\n\n"
    if let tasks { text += (["| Tasks |", "| ----- |"] + tasks).joined(separator: "\n") + "\n\n\n\n" }
    if let techniques {
      text += (["| Techniques |", "| ---------- |"] + techniques).joined(separator: "\n") + "\n\n\n\n"
    }
    text += "| Counters | Response types |\n| -------- | -------------- |\n\n\n\(marker)"
    return text
  }

  /// `| [T0002 Name](../../generated_pages/techniques/T0002.md) |`, a tactic page's row.
  public static func techniqueRow(_ id: String, _ name: String) -> String {
    "| [\(id) \(name)](../../generated_pages/techniques/\(id).md) |"
  }

  /// A technique page in the 2025-02-05 layout; `incidents` are the Incident table's rows (`nil` leaves the table
  /// out), `notes` what follows the marker.
  public static func technique(
    _ id: String = "T0002", _ name: String = "Facilitate State Propaganda", tactic: String = "TA02",
    incidents: [String]? = [], notes: String = ""
  ) -> String {
    var text = "# Technique \(id): \(name)\n\n**Summary**: About \(name).\n\n\n"
    text += "| Associated Technique | When to use |\n| --------- | ------------------------- |\n\n\n"
    text += "**Belongs to tactic stage**: \(tactic)\n\n\n"
    if let incidents {
      text +=
        (["| Incident | Descriptions given for this incident |", "| -------- | -------------------- |"] + incidents)
        .joined(separator: "\n") + "\n\n\n\n"
    }
    text += "| Counters | Response types |\n| -------- | -------------- |\n\n\n\(marker)\(notes)"
    return text
  }

  /// A 2024-11 incident page (Reference table, the line holding one space) with `techniques` as its Technique rows.
  public static func incident(
    _ id: String = "I00002", _ name: String = "#VaccinateUS", techniques: [String] = [], notes: String = ""
  ) -> String {
    var text = "# Incident \(id): \(name)\n\n* **Summary:** About \(name).\n\n* **incident type**: campaign\n\n"
    text += "* **Year started:** 2014.0\n\n* **Countries:** Russia , World\n\n* **Found via:** \n\n"
    text += "* **Date added:** 2019-02-24\n\n\n"
    text +=
      "| Reference | Pub Date | Authors | Org | Archive |\n| --------- | -------- | ------- | --- | ------- |\n\n \n\n"
    text +=
      (["| Technique | Description given for this incident |", "| --------- | ------------------------- |"]
      + techniques).joined(separator: "\n") + "\n\n\n\(marker)\(notes)"
    return text
  }

  /// An incident page's Technique row: `| [T0002 Name](…) | IT00000001 Description |`.
  public static func incidentRow(_ technique: String, _ name: String, _ description: String) -> String {
    "| [\(technique) \(name)](../../generated_pages/techniques/\(technique).md) | \(description) |"
  }

  /// `techniques_index.md` listing `rows` (identifier, name cell as written, summary cell, tactic identifier).
  public static func techniquesIndex(_ rows: [(id: String, name: String, summary: String, tactic: String)]) -> String {
    var lines = ["# DISARM Techniques:", "", "<table border=\"1\">", "<tr>", "<th>disarm_id</th>", "<th>name</th>"]
    lines += ["<th>summary</th>", "<th>tactic_id</th>", "</tr>"]
    for row in rows {
      lines += ["<tr>", "<td><a href=\"techniques/\(row.id).md\">\(row.id)</a></td>", "<td>\(row.name)</td>"]
      lines += ["<td>\(row.summary)</td>", "<td>\(row.tactic)</td>", "</tr>"]
    }
    return (lines + ["</table>", ""]).joined(separator: "\n")
  }
}
