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
    // Read on the UTF-8 bytes (every incident's rows come through here): what is matched is ASCII but for the
    // no-break space (C2 A0), so a byte equal to one of them is that character.
    var bytesOfCell = cell
    let rest = bytesOfCell.withUTF8 { bytes -> String? in
      func isDigit(_ index: Int) -> Bool { index < bytes.count && bytes[index] >= 48 && bytes[index] <= 57 }
      var index = 0
      while index < bytes.count {
        if bytes[index] == UInt8(ascii: " ") {
          index += 1
        } else if bytes[index] == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
          index += 2
        } else {
          break
        }
      }
      // `IT00000011` (DISARM) or `I00005T004` (AMITT 2019: the incident's identifier, then the row's number).
      guard index < bytes.count, bytes[index] == UInt8(ascii: "I") else { return nil }
      index += 1
      while isDigit(index) { index += 1 }
      guard index < bytes.count, bytes[index] == UInt8(ascii: "T") else { return nil }
      index += 1
      let digitsStart = index
      while isDigit(index) { index += 1 }
      guard index > digitsStart else { return nil }
      if index < bytes.count {
        guard bytes[index] == UInt8(ascii: " ") else { return nil }
        index += 1
      }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[index...]), as: UTF8.self)
    }
    return rest ?? cell
  }
}
