import DisarmModel
import DisarmParser

/// The one-line summary at the end of a run.
enum Summary {
  static func line(for kb: KnowledgeBase) -> String {
    let kinds = ObjectKind.allCases.map { kind -> String in
      let count = kb.objects.values.filter { $0.kind == kind }.count
      return "\(count) \(kind.plural)"
    }
    let stale = kb.objects.values.filter(\.isStale).count
    var line = "disarm: \(kb.objects.count) objects (\(kinds.joined(separator: ", "))); "
    line += "\(plural(kb.count(.error), "error")), \(plural(kb.count(.warning), "warning"))"
    if stale > 0 { line += ", \(plural(stale, "stale page"))" }
    return line
  }

  static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
