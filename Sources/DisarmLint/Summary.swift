import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser

/// The one-line summary at the end of a run.
public enum Summary {
  /// `disarm: 873 objects (phases 4, …); 51 errors, 279 warnings, 2 stale pages`, the line `build` ends with.
  public static func line(for checked: CheckedKnowledgeBase) -> String {
    let kb = checked.kb
    var counts: [ObjectKind: Int] = [:]
    for object in kb.objects.values { counts[object.kind, default: 0] += 1 }
    let kinds = ObjectKind.allCases.compactMap { kind in counts[kind].map { "\(kind.plural) \($0)" } }
    let stale = kb.objects.values.filter(\.isStale).count
    var line = "disarm: \(plural(kb.objects.count, "object"))"
    if !kinds.isEmpty { line += " (\(kinds.joined(separator: ", ")))" }
    line += "; "
    line += "\(plural(checked.count(.error), "error")), \(plural(checked.count(.warning), "warning"))"
    if stale > 0 { line += ", \(plural(stale, "stale page"))" }
    return line
  }

  /// `1 page`, `2 pages`: counts in messages read as English.
  public static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
