import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser

/// A tactic page's derived `Tasks` and `Techniques` tables: the live tasks and techniques whose own page names the
/// tactic (their first tactic identifier), by ID, each linked with its heading name.
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
    return members.sorted().map { "| \(ObjectLink.markdown($0, in: kb)) |" }
  }
}
