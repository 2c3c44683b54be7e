import DisarmDiagnostics
import DisarmModel
import DisarmRegeneration

/// `disarm stats --trend` as JSON, CSV and text.
public enum TrendOutput {
  public static func json(_ trend: YearTrend, filter: IncidentFilter) -> JSONValue {
    .object([
      "kind": .string("trend"), "filter": filter.json,
      "years": .array(
        trend.rows.map { row in
          .object([
            "year": row.year.map { .int($0) } ?? .null, "incidents": .int(row.incidents),
            "incidentsWithTechniques": .int(row.incidentsWithTechniques), "techniqueUses": .int(row.techniqueUses),
            "topTechniques": .array(row.topTechniques.map(\.json)),
          ])
        }),
    ])
  }

  public static func csv(_ trend: YearTrend) -> [UInt8] {
    let rows = trend.rows.map { row in
      [
        row.year.map(String.init) ?? "", String(row.incidents), String(row.incidentsWithTechniques),
        String(row.techniqueUses), row.topTechniques.map(\.id.string).joined(separator: " "),
      ]
    }
    return CSVTable(
      name: "trend.csv",
      header: ["year", "incidents", "incidents_with_techniques", "technique_uses", "top_techniques"], rows: rows
    ).render()
  }

  public static func text(_ trend: YearTrend, filter: IncidentFilter, kb: KnowledgeBase, style: ANSIStyle) -> String {
    let filterText = filter.isEmpty ? "" : " (\(TerminalText.inert(filter.summary)))"
    var lines = ["\(kb.words(.incident).pluralTitle) per year started\(filterText)", ""]
    var table = TextTable(
      header: ["Year", "Incidents", "With techniques", "Uses", "Most used"],
      alignments: [.right, .right, .right, .right, .left])
    let maximum = trend.rows.map(\.incidents).max() ?? 0
    for row in trend.rows {
      table.add(
        [
          row.year.map(String.init) ?? "none", String(row.incidents), String(row.incidentsWithTechniques),
          String(row.techniqueUses), row.topTechniques.map { "\($0.id) (\($0.incidents))" }.joined(separator: ", "),
        ], bar: BarChart.bar(row.incidents, of: maximum, width: 24))
    }
    lines += table.render(style: style)
    return lines.joined(separator: "\n") + "\n"
  }
}
