import DisarmDiagnostics
import DisarmExports
import DisarmModel

/// `disarm diff --format navigator`: an ATT&CK Navigator layer (format 4.5, the same domain and tactic short names as
/// `disarm export navigator`) over the new version's matrix, colouring techniques added (green), changed (yellow:
/// renamed, moved, summary or relations) and removed (red, placed under their old tactic), each with a comment
/// saying what changed. Load it beside the new version's STIX bundle.
public enum DiffNavigatorLayer {
  public static let addedColor = "#8ec843"
  public static let changedColor = "#ffe766"
  public static let removedColor = "#ff6666"

  public static func render(_ diff: VersionDiff, old: KnowledgeBase, new: KnowledgeBase) -> [UInt8] {
    guard let techniques = diff.kinds.first(where: { $0.role == .technique }) else {
      return JSONWriter.write(layer(diff, entries: [], words: new.words(.technique).plural))
    }
    let newShortNames = TacticShortName.all(in: new)
    let oldShortNames = TacticShortName.all(in: old)
    var comments: [DisarmID: [String]] = [:]
    for rename in techniques.renamed { comments[rename.id, default: []].append("renamed from '\(rename.old)'") }
    for move in techniques.moved { comments[move.id, default: []].append("moved: \(DiffSummary.move(move))") }
    for change in techniques.summaries { comments[change.id, default: []].append("summary changed") }
    for change in techniques.relations {
      var parts: [String] = []
      if !change.gained.isEmpty { parts.append("gained " + change.gained.map(\.string).joined(separator: ", ")) }
      if !change.lost.isEmpty { parts.append("lost " + change.lost.map(\.string).joined(separator: ", ")) }
      comments[change.id, default: []].append("\(change.group): " + parts.joined(separator: "; "))
    }
    var entries: [JSONValue] = []
    func entry(_ id: DisarmID, tactic: String?, color: String, comment: String) {
      var object: [String: JSONValue] = [
        "techniqueID": .string(id.string), "enabled": .bool(true), "color": .string(color),
        "comment": .string(comment),
      ]
      if let tactic { object["tactic"] = .string(tactic) }
      entries.append(.object(object))
    }
    for added in techniques.added {
      entry(
        added.id, tactic: new.tactic(of: added.id).flatMap { newShortNames[$0] }, color: addedColor, comment: "added")
    }
    for id in techniques.changedIDs.sorted() {
      entry(
        id, tactic: new.tactic(of: id).flatMap { newShortNames[$0] }, color: changedColor,
        comment: comments[id, default: []].joined(separator: "\n"))
    }
    for removal in techniques.removed {
      entry(
        removal.id, tactic: old.tactic(of: removal.id).flatMap { oldShortNames[$0] }, color: removedColor,
        comment: "removed" + (DiffSummary.retirement(removal).map { " (\($0))" } ?? ""))
    }
    return JSONWriter.write(layer(diff, entries: entries, words: techniques.words.plural))
  }

  static func layer(_ diff: VersionDiff, entries: [JSONValue], words: String) -> JSONValue {
    NavigatorLayer.frame(
      name: "Changes from \(diff.old.label) to \(diff.new.label)",
      description: "\(words.prefix(1).uppercased() + words.dropFirst()) added, changed and removed.",
      versions: [
        "layer": .string(NavigatorLayer.layerVersion), "navigator": .string(NavigatorLayer.navigatorVersion),
      ],
      domain: NavigatorLayer.defaultDomain, techniques: entries, maxScore: 1,
      legend: [
        .object(["label": .string("added"), "color": .string(addedColor)]),
        .object(["label": .string("changed"), "color": .string(changedColor)]),
        .object(["label": .string("removed"), "color": .string(removedColor)]),
      ])
  }
}
