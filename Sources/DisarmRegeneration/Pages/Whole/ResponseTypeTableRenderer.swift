import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser

/// Renders `tactics_by_responsetype_table.md` and `metatechniques_by_responsetype_table.md`: how many current
/// counters each tactic (or metatechnique) has per response type, as DISARM's generator writes the pivot table.
///
/// Rows are the tactics (metatechniques) that at least one counter names, by identifier; columns are the response
/// types that at least one counter has, by identifier, then `TOTALS`; a last `TOTALS` row sums each column. A
/// counter's tactic and metatechnique come from its page (its first metatechnique when it names several), its
/// response type from the `.responseType` relation; counters lacking either are not counted.
public enum ResponseTypeTableRenderer {
  /// The table for `kind` (`.tactic` or `.metatechnique`).
  public static func render(_ kind: ObjectKind, in kb: KnowledgeBase) -> RenderedPage {
    render(kind, in: kb, counters: ListedRow.rows(of: .counter, in: kb))
  }

  /// The table from the counters' listed rows already read.
  static func render(_ kind: ObjectKind, in kb: KnowledgeBase, counters: [ListedRow]) -> RenderedPage {
    var counts: [DisarmID: [DisarmID: Int]] = [:]
    var responseTypes = Set<DisarmID>()
    for row in counters {
      guard let counter = row.id, let type = kb.outgoing(counter, .responseType).first?.target else { continue }
      let group = kind == .tactic ? row.tactic(in: kb) : kb.outgoing(counter, .metatechnique).first?.target
      guard let group else { continue }
      counts[group, default: [:]][type, default: 0] += 1
      responseTypes.insert(type)
    }
    let columns = responseTypes.sorted()
    let word = kb.words(kind).title
    var html = "# \(kb.framework.brand) \(word) courses of action\n\n<table border=\"1\">\n<tr>\n<td> </td>\n    "
    for type in columns { html += "<td>\(type)</td>\n" }
    html += "<td>TOTALS</td></tr><tr>\n"
    var sums = Array(repeating: 0, count: columns.count + 1)
    for group in counts.keys.sorted() {
      let name = kb.writtenName(of: group) ?? ""
      // DISARM's generator links from the repository root's view (`../generated_pages/tactics/`), AMITT's from the
      // page folder's (`../tactics/`).
      let root = kb.framework.pageFolder == "." ? "../" : "../\(kb.framework.pageFolder)/"
      html += "<td><a href=\"\(root)\(kb.words(kind).folder ?? kind.folder)/\(group).md\">\(group) \(name)</a></td>\n"
      let values = columns.map { counts[group]?[$0] ?? 0 }
      for (index, value) in (values + [values.reduce(0, +)]).enumerated() {
        html += "<td>\(value)</td>\n"
        sums[index] += value
      }
      html += "</tr>\n<tr>\n"
    }
    html += "<td>TOTALS</td>\n"
    // DISARM's generator sums with pandas: the total of a table without rows is the float 0.0.
    let emptyTotal = counts.isEmpty && columns.isEmpty
    for value in sums { html += "<td>\(emptyTotal ? "0.0" : String(value))</td>\n" }
    html += "</tr>\n</table>\n"
    return RenderedPage(path: "\(kind.folder)_by_responsetype_table.md", bytes: Array(html.utf8))
  }
}
