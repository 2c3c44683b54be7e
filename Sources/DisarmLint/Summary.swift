import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser

/// The one-line summary at the end of a run.
public enum Summary {
  /// `disarm: 873 objects (phases 4, …); 51 errors, 279 warnings, 2 stale pages`, the line `build` ends with. An
  /// extension's line counts its own objects and says how many it reads from upstream (`2 local objects (…) on
  /// 952 from upstream`); stale pages are counted among its own pages only, as its findings are.
  public static func line(for checked: CheckedKnowledgeBase) -> String {
    let kb = checked.kb
    let (own, counts, stale) = kb.ownObjectCounts()
    let kinds = ObjectKind.allCases.compactMap { kind in counts[kind].map { "\(kind.plural) \($0)" } }
    var line = "disarm: \(plural(own, kb.upstream == nil ? "object" : "local object"))"
    if !kinds.isEmpty { line += " (\(kinds.joined(separator: ", ")))" }
    if let upstream = kb.upstream { line += " on \(kb.objects.count - own) from \(upstream.label)" }
    line += "; "
    line += "\(plural(checked.count(.error), "error")), \(plural(checked.count(.warning), "warning"))"
    if stale > 0 { line += ", \(plural(stale, "stale page"))" }
    return line
  }

  /// `1 page`, `2 pages`: counts in messages read as English.
  public static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
