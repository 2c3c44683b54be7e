import DisarmDiagnostics
import DisarmModel
import DisarmRegeneration

/// `disarm stats` (frequency) as JSON (schema/stats.schema.json), CSV and an aligned text table with bars.
public enum FrequencyOutput {
  /// The JSON document: every live technique with its count (zeros included), and the groups of `--by`.
  public static func json(_ frequency: TechniqueFrequency, filter: IncidentFilter, by: String?) -> JSONValue {
    .object([
      "kind": .string("frequency"), "filter": filter.json, "incidents": .int(frequency.incidentCount),
      "incidentsWithTechniques": .int(frequency.incidentsWithTechniques),
      "techniques": .array(frequency.techniques.map(\.json)), "by": .optional(by),
      "groups": .array(
        frequency.groups.map { group in
          .object([
            "key": .string(group.key), "name": .string(group.name), "incidents": .int(group.incidents),
            "techniques": .array(group.techniques.map(\.json)),
          ])
        }),
    ])
  }

  /// One record per technique (and group): RFC 4180, CRLF, a header record.
  public static func csv(_ frequency: TechniqueFrequency) -> [UInt8] {
    let columns = ["technique", "name", "tactic", "incidents", "share"]
    func cells(_ count: TechniqueCount) -> [String] {
      [
        count.id.string, count.name, count.tactic?.string ?? "", String(count.incidents),
        StatisticsNumber.fixed(count.share, places: 6),
      ]
    }
    if frequency.grouping == nil {
      return CSVTable(name: "stats.csv", header: columns, rows: frequency.techniques.map(cells)).render()
    }
    let rows = frequency.groups.flatMap { group in
      group.techniques.map { [group.key, group.name, String(group.incidents)] + cells($0) }
    }
    return CSVTable(name: "stats.csv", header: ["group", "group_name", "group_incidents"] + columns, rows: rows)
      .render()
  }

  /// The text report: a line about what was counted, then the used techniques (at most `top`), most used first,
  /// each with a bar; grouped, one such table per group under a heading with the group's own bar.
  public static func text(
    _ frequency: TechniqueFrequency, filter: IncidentFilter, kb: KnowledgeBase, top: Int?, style: ANSIStyle,
    barWidth: Int = 30
  ) -> String {
    var lines = [headline(frequency, filter: filter, kb: kb)]
    if frequency.grouping == nil {
      lines.append("")
      lines += table(
        frequency.techniques, top: top, style: style, barWidth: barWidth, noun: kb.words(.technique).singular)
    } else {
      let maximum = frequency.groups.map(\.incidents).max() ?? 0
      for group in frequency.groups {
        let title = group.name.isEmpty ? group.key : "\(group.key) \(group.name)"
        lines.append("")
        let bar = BarChart.bar(group.incidents, of: maximum, width: barWidth)
        lines.append(
          style.bold(TerminalText.inert(title)) + "  \(group.incidents) \(kb.words(.incident).plural)"
            + (bar.isEmpty ? "" : "  " + style.green(bar)))
        if group.techniques.isEmpty { continue }
        lines += table(
          group.techniques, top: top, style: style, barWidth: barWidth, noun: kb.words(.technique).singular
        ).map { "  " + $0 }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `129 incidents counted, 62 with techniques (countries=Russia)`.
  static func headline(_ frequency: TechniqueFrequency, filter: IncidentFilter, kb: KnowledgeBase) -> String {
    let incidents = kb.words(.incident)
    let noun = frequency.incidentCount == 1 ? incidents.singular : incidents.plural
    let filterText = filter.isEmpty ? "" : " (\(TerminalText.inert(filter.summary)))"
    return "\(frequency.incidentCount) \(noun) counted, \(frequency.incidentsWithTechniques) with "
      + "\(kb.words(.technique).plural)\(filterText)"
  }

  static func table(
    _ counts: [TechniqueCount], top: Int?, style: ANSIStyle, barWidth: Int, noun: String
  ) -> [String] {
    let used = counts.filter { $0.incidents > 0 }
    let shown = top.map { Array(used.prefix($0)) } ?? used
    guard !shown.isEmpty else { return ["(no \(TerminalText.inert(noun)) used)"] }
    var table = TextTable(
      header: ["ID", "Name", "Tactic", "Incidents", "Share"], alignments: [.left, .left, .left, .right, .right])
    let maximum = shown.map(\.incidents).max() ?? 0
    for count in shown {
      table.add(
        [
          count.id.string, TextTable.clipped(count.name, 48), count.tactic?.string ?? "", String(count.incidents),
          StatisticsNumber.fixed(count.share * 100, places: 1) + "%",
        ], bar: BarChart.bar(count.incidents, of: maximum, width: barWidth))
    }
    var lines = table.render(style: style)
    if shown.count < used.count { lines.append("… and \(used.count - shown.count) more (see --top)") }
    return lines
  }
}
