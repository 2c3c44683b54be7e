import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser

/// Where a page's derived rows are: the rows regeneration recomputes from other pages (a tactic's tasks, techniques
/// and counters; a technique's incidents and counters; a metatechnique's or actor type's counters). A broken or
/// unresolved link there is not the page's own content: regenerating drops or corrects it, so such a finding must
/// not keep the page from being regenerated (deleting a technique would otherwise leave its tactic's row behind
/// for good).
public enum DerivedRows {
  /// The tables of a page of `kind` whose rows are derived.
  static func tableKinds(of kind: ObjectKind) -> [TableKind] {
    switch kind {
    case .tactic: [.tasks, .techniques, .counters]
    case .technique: [.incidents, .counters]
    case .metatechnique, .actorType: [.counters]
    default: []
    }
  }

  /// The 1-based lines of `page`'s derived rows.
  public static func lines(of page: ObjectPage, in kb: KnowledgeBase) -> Set<Int> {
    var lines = Set<Int>()
    // AMITT 2019's pages derive only a technique's incidents and a tactic's tasks and techniques.
    let kinds: [TableKind] =
      kb.framework.identifierField == nil
      ? tableKinds(of: page.kind)
      : page.kind == .technique ? [.incidents] : page.kind == .tactic ? [.tasks, .techniques] : []
    for kind in kinds {
      for row in page.table(firstColumn: kb.firstColumn(of: kind))?.rows ?? [] {
        lines.insert(row.source.range.start.line)
      }
    }
    return lines
  }
}
