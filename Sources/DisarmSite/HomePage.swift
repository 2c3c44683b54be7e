import DisarmModel
import DisarmParser
import DisarmRegeneration

/// `index.html`: the red framework (phases over their tactic columns, in phase order, each phase once, each column's techniques with their
/// sub-techniques folded under them) and the blue framework (each tactic's counters).
enum HomePage {
  static func render(_ site: SiteContext) -> SiteFile {
    let path = "index.html"
    let kb = site.kb
    var body = "<h1>\(HTMLText.escape(site.title))</h1>\n"
    body += "<p class=\"lead\">\(HTMLText.escape(kb.framework.summary.trimmingWhitespace()))</p>\n"
    let red = FrameworkGrid.red(kb).inPhaseOrder(kb)
    if !red.tactics.isEmpty {
      body += matrix(
        red, id: "red", title: "\(kb.words(.tactic).pluralTitle) and \(kb.words(.technique).plural)", site: site,
        path: path, folding: true)
    }
    let blue = FrameworkGrid.blue(kb).inPhaseOrder(kb)
    if blue.columns.contains(where: { !$0.isEmpty }) {
      body += matrix(
        blue, id: "blue", title: "\(kb.words(.counter).pluralTitle) by \(kb.words(.tactic).singular)", site: site,
        path: path, folding: false)
    }
    let html = PageShell(site: site).page(path: path, title: "Home", body: body, description: kb.framework.summary)
    return SiteFile(path: path, bytes: Array(html.utf8))
  }

  /// One matrix: a phase row (each phase spanning its tactics), the tactic row, then one cell per tactic listing
  /// its objects; with `folding`, sub-techniques sit in a `<details>` under their parent.
  static func matrix(
    _ grid: FrameworkGrid, id: String, title: String, site: SiteContext, path: String, folding: Bool
  ) -> String {
    let kb = site.kb
    var html = "<section class=\"matrix\" aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(HTMLText.escape(title))</h2>\n"
    html += "<div class=\"scroll\" tabindex=\"0\"><table class=\"matrix\">\n<thead>\n"
    // Phases over the tactics they hold, in column order.
    let phases = grid.tactics.map { item in kb.id(item.idText).flatMap { kb.outgoing($0, .phase).first?.target } }
    if phases.contains(where: { $0 != nil }) {
      html += "<tr class=\"phases\">"
      var index = 0
      while index < phases.count {
        var span = 1
        while index + span < phases.count, phases[index + span] == phases[index] { span += 1 }
        let cell = phases[index].map { site.link(to: $0, from: path) } ?? ""
        html += "<th scope=\"colgroup\" colspan=\"\(span)\">\(cell)</th>"
        index += span
      }
      html += "</tr>\n"
    }
    html += "<tr>"
    for tactic in grid.tactics {
      let cell = kb.id(tactic.idText).map { site.link(to: $0, from: path) } ?? HTMLText.escape(tactic.idText)
      html += "<th scope=\"col\">\(cell)</th>"
    }
    html += "</tr>\n</thead>\n<tbody>\n<tr>"
    for column in grid.columns {
      html += "<td><ul>"
      let ids = column.compactMap { kb.id($0.idText) }
      let parents = folding ? ids.filter { !$0.isSubtechnique || !ids.contains($0.parentTechnique!) } : ids
      for parent in parents {
        html += "<li>\(site.link(to: parent, from: path))\(site.badge(for: parent))"
        let subs = folding ? ids.filter { $0.parentTechnique == parent } : []
        if !subs.isEmpty {
          let noun = subs.count == 1 ? kb.words(.technique).singular : kb.words(.technique).plural
          html += "<details><summary>\(subs.count) sub-\(HTMLText.escape(noun))</summary><ul>"
          for sub in subs { html += "<li>\(site.link(to: sub, from: path))\(site.badge(for: sub))</li>" }
          html += "</ul></details>"
        }
        html += "</li>"
      }
      html += "</ul></td>"
    }
    html += "</tr>\n</tbody>\n</table></div>\n</section>\n"
    return html
  }
}
