/// An ATT&CK Navigator layer carried to the new release: each entry's `techniqueID` mapped, its `tactic` set to the
/// new tactic's short name when the technique moved (or its tactic was renamed), and two entries that now stand for
/// one technique under one tactic merged into the first: comments joined, the higher score kept, metadata and links
/// gathered, a missing colour taken from the second. Everything else in the layer (its name, versions, filters,
/// gradient, legend, layout; the order and formatting of every member) is kept byte for byte.
enum LayerMigration {
  /// What the entries merged into one entry hold, written once at the end (several entries may land on one).
  private struct Merge {
    var first: Int
    var comment: String
    var score: (value: Double, bytes: [UInt8])?
    var color: [UInt8]?
    var metadata: [[UInt8]] = []
    var links: [[UInt8]] = []
    var changed = false
  }

  static func migrate(_ bytes: [UInt8], _ layer: JSONSpan, file: String, mapping: ReleaseMapping)
    -> MigrationResult.File
  {
    var edited = EditedBytes(bytes)
    var items: [MigrationItem] = []
    var identifiers = 0
    var unchanged = 0
    let oldTacticByShortName = Dictionary(
      mapping.oldShortNames.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
    guard let techniques = layer["techniques"] else {
      return .init(
        path: file, format: .navigator, original: bytes, edits: [], items: [], identifiers: 0, unchanged: 0)
    }
    let entries = techniques.elements
    var landed: [String: Int] = [:]
    var merges: [Int: Merge] = [:]
    var mergedInto: [Int: Int] = [:]
    for (index, entry) in entries.enumerated() {
      guard let idSpan = entry["techniqueID"], let code = idSpan.string else { continue }
      let place = "/techniques/\(index)"
      guard
        let rewrite = IdentifierRewrite(
          code: code, writtenName: nil, mapping: mapping, file: file, place: place + "/techniqueID",
          listsUnwrittenRenames: true)
      else {
        items.append(
          MigrationItem(
            file: file, place: place + "/techniqueID", change: .review, old: code, new: nil,
            detail: "'\(code)' is not an identifier of either release"))
        continue
      }
      identifiers += 1
      var changed = false
      if let new = rewrite.code {
        edited.replace(idSpan.range, with: jsonLiteral(new))
        changed = true
      }
      if let item = rewrite.item { items.append(item) }
      var tactic = entry["tactic"]?.string
      if let tacticSpan = entry["tactic"], let written = tactic, let target = rewrite.target,
        let newShortName = target.tacticShortName, written != newShortName
      {
        edited.replace(tacticSpan.range, with: jsonLiteral(newShortName))
        let oldTactic = oldTacticByShortName[written]
        if let oldTactic, oldTactic == target.tactic {
          items.append(
            MigrationItem(
              file: file, place: place + "/tactic", change: .renamed, old: oldTactic.string,
              new: oldTactic.string, detail: "tactic '\(written)' is now '\(newShortName)' (the tactic was renamed)"))
        } else {
          items.append(
            MigrationItem(
              file: file, place: place + "/tactic", change: .moved, old: code, new: target.id.string,
              detail: "tactic '\(written)' is now '\(newShortName)'"
                + (target.tactic.map { " (\($0))" } ?? "")))
        }
        tactic = newShortName
        changed = true
      }
      if !changed && rewrite.item == nil { unchanged += 1 }
      let key = (rewrite.code ?? code).uppercased() + "\u{0}" + (tactic ?? "")
      guard let first = landed[key] else {
        landed[key] = index
        merges[index] = Merge(
          first: index, comment: entries[index]["comment"]?.string ?? "", score: score(entries[index], bytes),
          color: entries[index]["color"].map { Array(bytes[$0.range]) }, changed: changed)
        continue
      }
      // Two entries that were already the same stay as the user had them; only entries the migration made equal
      // are merged.
      guard changed || merges[first]!.changed else { continue }
      var merge = merges[first]!
      let comment = entry["comment"]?.string ?? ""
      if !comment.isEmpty, comment != merge.comment {
        merge.comment = merge.comment.isEmpty ? comment : merge.comment + "\n" + comment
      }
      if let other = score(entry, bytes), other.value > (merge.score?.value ?? -.infinity) { merge.score = other }
      if merge.color == nil, let color = entry["color"] { merge.color = Array(bytes[color.range]) }
      merge.metadata += (entry["metadata"]?.elements ?? []).map { Array(bytes[$0.range]) }
      merge.links += (entry["links"]?.elements ?? []).map { Array(bytes[$0.range]) }
      merge.changed = true
      merges[first] = merge
      mergedInto[index] = first
      items.append(
        MigrationItem(
          file: file, place: place, change: .merged, old: code, new: rewrite.code ?? code,
          detail: "merged into /techniques/\(first) (\(entries[first]["techniqueID"]?.string ?? "")): comments "
            + "joined, the higher score kept"))
    }
    edited.removeElements(Set(mergedInto.keys), of: techniques)
    for first in Set(mergedInto.values).sorted() {
      apply(merges[first]!, to: entries[first], bytes: bytes, edited: &edited)
    }
    return .init(
      path: file, format: .navigator, original: bytes, edits: edited.edits, items: items,
      identifiers: identifiers, unchanged: unchanged)
  }

  /// A numeric score with its bytes as written.
  private static func score(_ entry: JSONSpan, _ bytes: [UInt8]) -> (value: Double, bytes: [UInt8])? {
    guard let span = entry["score"], case .scalar = span.value else { return nil }
    let written = Array(bytes[span.range])
    guard let value = Double(String(decoding: written, as: UTF8.self)) else { return nil }
    return (value, written)
  }

  /// The merged members written into the first entry.
  private static func apply(_ merge: Merge, to entry: JSONSpan, bytes: [UInt8], edited: inout EditedBytes) {
    if !merge.comment.isEmpty, merge.comment != entry["comment"]?.string {
      edited.setMember("comment", of: entry, to: jsonLiteral(merge.comment))
    }
    if let score = merge.score, entry["score"].map({ Array(bytes[$0.range]) }) != score.bytes {
      edited.setMember("score", of: entry, to: score.bytes)
    }
    if let color = merge.color, entry["color"] == nil { edited.setMember("color", of: entry, to: color) }
    for (key, extra) in [("metadata", merge.metadata), ("links", merge.links)] where !extra.isEmpty {
      if let array = entry[key], case .array(let elements) = array.value {
        let at = array.range.upperBound - 1
        let joined = extra.joined(separator: Array(", ".utf8))
        edited.insert(at: elements.last?.range.upperBound ?? at, (elements.isEmpty ? [] : Array(", ".utf8)) + joined)
      } else {
        edited.setMember(
          key, of: entry, to: [UInt8(ascii: "[")] + extra.joined(separator: Array(", ".utf8)) + [UInt8(ascii: "]")])
      }
    }
  }
}
