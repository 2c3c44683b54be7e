import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser

/// A tactic page's derived `Tasks` and `Techniques` tables: the live tasks and techniques whose own page names the
/// tactic (their first tactic identifier), by ID, each linked with its heading name. A page the kind's index lists
/// under an identifier that is not one (DISARM's 2022 `techniques/T0039 .md`) is a row too, where its identifier
/// text sorts, as DISARM's generator listed it.
enum TacticTables {
  /// `| [TK0001 Goal setting](../../generated_pages/tasks/TK0001.md) |` rows.
  static func taskRows(for tactic: DisarmID, in kb: KnowledgeBase) -> [String] {
    rows(of: .task, for: tactic, in: kb)
  }

  /// `| [T0073 Determine Target Audiences](../../generated_pages/techniques/T0073.md) |` rows.
  static func techniqueRows(for tactic: DisarmID, in kb: KnowledgeBase) -> [String] {
    rows(of: .technique, for: tactic, in: kb)
  }

  private static func rows(of kind: ObjectKind, for tactic: DisarmID, in kb: KnowledgeBase) -> [String] {
    let members = Set(kb.incoming(tactic, .tactic).map(\.source)).filter {
      $0.kind == kind && kb.tactic(of: $0) == tactic && !(kb[$0]?.isStale ?? true)
    }
    var rows = members.sorted().map { (id: $0.string, row: "| \(ObjectLink.markdown($0, in: kb)) |") }
    guard kb.unassignedPages.contains(where: { $0.kind == kind }) else { return rows.map(\.row) }
    let folder = kb.words(kind).folder ?? kind.rawValue
    for entry in kb.listing(of: kind) {
      guard case .unassignedPage = entry else { continue }
      let listed = ListedRow(entry, indexRows: [:])
      guard listed.tactic(in: kb) == tactic else { continue }
      let link = "[\(listed.idText) \(listed.name)](\(kb.framework.linkPrefix)\(folder)/\(listed.idText).md)"
      // Where Python's string order (the generator's `sort_values('disarm_id')`) puts `T0039 `: after `T0039`.
      let place =
        rows.firstIndex { listed.idText.unicodeScalars.lexicographicallyPrecedes($0.id.unicodeScalars) } ?? rows.count
      rows.insert((listed.idText, "| \(link) |"), at: place)
    }
    return rows.map(\.row)
  }
}
