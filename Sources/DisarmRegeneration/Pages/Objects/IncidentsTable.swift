import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// A technique page's derived `Incident | Descriptions given for this incident` table, rebuilt from the Technique
/// tables of the live incident pages (which own each incident–technique pair and its description).
///
/// As DISARM's generator does: one row per incident, by incident ID; when an incident has several rows for the
/// technique, their descriptions are joined with `, ` in the incident page's row order. Before 2025 an incident
/// row's description starts with the pair's own identifier (`IT00000011 Fake FB groups`), which the technique
/// page leaves out.
enum IncidentsTable {
  /// The rows for `technique`.
  static func rows(for technique: DisarmID, in kb: KnowledgeBase) -> [String] {
    var order: [DisarmID] = []
    var descriptions: [DisarmID: [String]] = [:]
    for relation in kb.incoming(technique, .usesTechnique) {
      guard let incident = kb[relation.source], !incident.isStale else { continue }
      if descriptions[relation.source] == nil { order.append(relation.source) }
      descriptions[relation.source, default: []].append(pairDescription(relation.description ?? ""))
    }
    return order.sorted().map { incident in
      let joined = descriptions[incident, default: []].joined(separator: ", ")
      return "| \(ObjectLink.markdown(incident, in: kb)) | \(joined) |"
    }
  }

  /// The description of an incident–technique pair without its leading identifier (`IT00000011`, `I00005T004`) and
  /// the space after it.
  /// Spaces before the identifier go too: some 2024-11 rows read `| \u{A0}IT00000449 …` (a no-break space in the
  /// spreadsheet's identifier cell).
  static func pairDescription(_ cell: String) -> String {
    let scalars = Array(cell.unicodeScalars)
    var index = 0
    while index < scalars.count, scalars[index] == " " || scalars[index] == "\u{A0}" { index += 1 }
    // `IT00000011` (DISARM) or `I00005T004` (AMITT 2019: the incident's identifier, then the row's number).
    guard index + 2 < scalars.count, scalars[index] == "I" else { return cell }
    index += 1
    while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
    guard index + 1 < scalars.count, scalars[index] == "T" else { return cell }
    index += 1
    let digitsStart = index
    while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
    guard index > digitsStart else { return cell }
    if index < scalars.count {
      guard scalars[index] == " " else { return cell }
      index += 1
    }
    var rest = String.UnicodeScalarView()
    rest.append(contentsOf: scalars[index...])
    return String(rest)
  }
}
