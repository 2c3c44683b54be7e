import DisarmModel
import DisarmParser

/// The one-line summary at the end of a run.
enum Summary {
  static func line(for kb: KnowledgeBase) -> String {
    var counts: [ObjectKind: Int] = [:]
    for object in kb.objects.values { counts[object.kind, default: 0] += 1 }
    let kinds = ObjectKind.allCases.compactMap { kind in counts[kind].map { "\(kind.plural) \($0)" } }
    let stale = kb.objects.values.filter(\.isStale).count
    var line = "disarm: \(plural(kb.objects.count, "object"))"
    if !kinds.isEmpty { line += " (\(kinds.joined(separator: ", ")))" }
    line += "; "
    line += "\(plural(kb.count(.error), "error")), \(plural(kb.count(.warning), "warning"))"
    if stale > 0 { line += ", \(plural(stale, "stale page"))" }
    return line
  }

  static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
