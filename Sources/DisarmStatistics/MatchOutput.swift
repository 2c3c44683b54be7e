import DisarmDiagnostics
import DisarmModel
import DisarmRegeneration

/// `disarm match` as JSON, CSV and text.
public enum MatchOutput {
  public static func json(_ matches: [IncidentMatch], query: MatchQuery) -> JSONValue {
    .object([
      "kind": .string("match"), "measure": .string("jaccard"),
      "query": .object([
        "incident": .optional(query.incident?.string),
        "techniques": .array(query.techniques.sorted().map { .string($0.string) }),
      ]),
      "matches": .array(matches.map(\.json)),
    ])
  }

  public static func csv(_ matches: [IncidentMatch]) -> [UInt8] {
    let rows = matches.map { match in
      [
        match.incident.string, match.name, StatisticsNumber.fixed(match.similarity, places: 6),
        match.shared.map(\.string).joined(separator: " "), match.missing.map(\.string).joined(separator: " "),
        match.extra.map(\.string).joined(separator: " "),
      ]
    }
    return CSVTable(
      name: "match.csv", header: ["incident", "name", "similarity", "shared", "missing", "extra"], rows: rows
    ).render()
  }

  public static func text(_ matches: [IncidentMatch], query: MatchQuery, kb: KnowledgeBase, style: ANSIStyle) -> String
  {
    let subject =
      query.incident.map { "\($0) (\(query.techniques.count) \(kb.words(.technique).plural))" }
      ?? query.techniques.sorted().map(\.string).joined(separator: ", ")
    var lines = [
      "\(kb.words(.incident).pluralTitle) most similar to \(subject); similarity: shared / all techniques of both "
        + "(Jaccard)", "",
    ]
    guard !matches.isEmpty else { return (lines + ["(no incident shares a technique)"]).joined(separator: "\n") + "\n" }
    var table = TextTable(
      header: ["Incident", "Name", "Similarity", "Shared", "Missing"],
      alignments: [.left, .left, .right, .right, .right])
    for match in matches {
      table.add(
        [
          match.incident.string, TextTable.clipped(match.name, 44), StatisticsNumber.fixed(match.similarity, places: 3),
          String(match.shared.count), String(match.missing.count),
        ], bar: BarChart.bar(Int((match.similarity * 1000).rounded()), of: 1000, width: 20))
    }
    lines += table.render(style: style)
    for match in matches {
      lines.append("")
      lines.append(style.bold("\(match.incident) \(TerminalText.inert(match.name))"))
      lines.append("  shared:  " + list(match.shared))
      lines.append("  missing: " + list(match.missing))
      lines.append("  extra:   " + list(match.extra))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func list(_ ids: [DisarmID]) -> String { ids.isEmpty ? "(none)" : ids.map(\.string).joined(separator: " ") }
}
