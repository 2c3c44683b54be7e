import DisarmDiagnostics
import DisarmModel
import DisarmRegeneration

/// `disarm stats --pairs` as JSON, CSV and text.
public enum PairsOutput {
  public static func json(
    _ pairs: [TechniquePair], incidents: Int, filter: IncidentFilter, order: TechniquePair.Order, kb: KnowledgeBase
  ) -> JSONValue {
    .object([
      "kind": .string("pairs"), "filter": filter.json, "incidents": .int(incidents), "sort": .string(order.rawValue),
      "pairs": .array(pairs.map { $0.json(in: kb) }),
    ])
  }

  public static func csv(_ pairs: [TechniquePair], kb: KnowledgeBase) -> [UInt8] {
    let header = [
      "first", "first_name", "second", "second_name", "together", "first_incidents", "second_incidents", "jaccard",
      "lift",
    ]
    let rows = pairs.map { pair in
      [
        pair.first.string, kb[pair.first]?.name ?? "", pair.second.string, kb[pair.second]?.name ?? "",
        String(pair.together), String(pair.firstCount), String(pair.secondCount),
        StatisticsNumber.fixed(pair.jaccard, places: 6), StatisticsNumber.fixed(pair.lift, places: 6),
      ]
    }
    return CSVTable(name: "pairs.csv", header: header, rows: rows).render()
  }

  public static func text(
    _ pairs: [TechniquePair], incidents: Int, filter: IncidentFilter, kb: KnowledgeBase, top: Int, style: ANSIStyle
  ) -> String {
    let noun = incidents == 1 ? kb.words(.incident).singular : kb.words(.incident).plural
    let filterText = filter.isEmpty ? "" : " (\(TerminalText.inert(filter.summary)))"
    var lines = [
      "\(pairs.count) pairs of \(kb.words(.technique).plural) used together in \(incidents) \(noun)\(filterText)", "",
    ]
    guard !pairs.isEmpty else { return (lines + ["(no two techniques used together)"]).joined(separator: "\n") + "\n" }
    var table = TextTable(
      header: ["First", "Second", "Together", "First", "Second", "Jaccard", "Lift"],
      alignments: [.left, .left, .right, .right, .right, .right, .right])
    let shown = Array(pairs.prefix(top))
    let maximum = shown.map(\.together).max() ?? 0
    for pair in shown {
      table.add(
        [
          "\(pair.first) \(TextTable.clipped(kb[pair.first]?.name ?? "", 28))",
          "\(pair.second) \(TextTable.clipped(kb[pair.second]?.name ?? "", 28))", String(pair.together),
          String(pair.firstCount), String(pair.secondCount), StatisticsNumber.fixed(pair.jaccard, places: 2),
          StatisticsNumber.fixed(pair.lift, places: 2),
        ], bar: BarChart.bar(pair.together, of: maximum, width: 16))
    }
    lines += table.render(style: style)
    if shown.count < pairs.count { lines.append("… and \(pairs.count - shown.count) more (see --top)") }
    lines.append("")
    lines.append("Jaccard: together / (first + second − together); lift: together × incidents / (first × second).")
    return lines.joined(separator: "\n") + "\n"
  }
}
