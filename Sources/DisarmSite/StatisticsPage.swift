import DisarmModel
import DisarmStatistics

/// `statistics.html`: what the incidents say, as `disarm stats` counts it: the framework matrix as a heat map (each
/// cell linking to its technique's page), the incidents per tactic and per year as bar charts, and the most frequent
/// techniques. All pictures are inline SVG with presentation attributes, which the site's Content-Security-Policy
/// allows; the numbers are also in the charts' text, for screen readers and for print.
enum StatisticsPage {
  static let path = "statistics.html"

  static func render(_ site: SiteContext) -> SiteFile {
    let kb = site.kb
    let records = site.statistics.records
    let incidents = kb.words(.incident)
    let techniques = kb.words(.technique)
    let matrix = HeatMapMatrix(records, in: kb)
    let frequency = TechniqueFrequency(records, in: kb, grouping: .tactic)
    var body = "<h1>Statistics</h1>\n"
    body += "<p class=\"lead\">\(records.count) \(HTMLText.escape(incidents.plural)), "
    body += "\(frequency.incidentsWithTechniques) of them naming \(HTMLText.escape(techniques.plural)). A "
    body += "\(HTMLText.escape(techniques.singular)) counts once per \(HTMLText.escape(incidents.singular)) whose "
    body += "table names it; stale pages are not counted (the same counts as <code>disarm stats</code>).</p>\n"
    body += "<section aria-labelledby=\"heatmap\"><h2 id=\"heatmap\">\(HTMLText.escape(techniques.pluralTitle)) by "
    body += "number of \(HTMLText.escape(incidents.plural))</h2>\n<div class=\"scroll\" tabindex=\"0\">"
    body += MatrixSVG.render(matrix, in: kb, standalone: false) { id in
      kb[id].map { !$0.isStale } == true ? site.path(of: id) : nil
    }
    body += "</div></section>\n"
    let tacticRows = frequency.groups.map { group in
      BarChartSVG.Row(
        label: "\(group.key) \(group.name)", value: group.incidents,
        link: kb.id(group.key).flatMap { id in kb[id].map { _ in site.path(of: id) } })
    }
    body += "<section aria-labelledby=\"per-tactic\"><h2 id=\"per-tactic\">\(HTMLText.escape(incidents.pluralTitle)) "
    body += "per \(HTMLText.escape(kb.words(.tactic).singular))</h2>\n<div class=\"scroll\" tabindex=\"0\">"
    body += BarChartSVG.render(
      tacticRows,
      title: "\(incidents.pluralTitle) using a \(techniques.singular) of each \(kb.words(.tactic).singular)",
      id: "chart-tactics")
    body += "</div></section>\n"
    let yearRows = YearTrend(records, in: kb).rows.map { row in
      BarChartSVG.Row(label: row.year.map(String.init) ?? "no year", value: row.incidents)
    }
    body += "<section aria-labelledby=\"per-year\"><h2 id=\"per-year\">\(HTMLText.escape(incidents.pluralTitle)) "
    body += "per year started</h2>\n<div class=\"scroll\" tabindex=\"0\">"
    body += BarChartSVG.render(yearRows, title: "\(incidents.pluralTitle) per year started", id: "chart-years")
    body += "</div></section>\n"
    let top = frequency.techniques.filter { $0.incidents > 0 }.prefix(20)
    if !top.isEmpty {
      body += "<section class=\"related\" aria-labelledby=\"most-used\"><h2 id=\"most-used\">Most used "
      body += "\(HTMLText.escape(techniques.plural))</h2>\n<table><thead><tr><th scope=\"col\">"
      body += "\(HTMLText.escape(techniques.title))</th><th scope=\"col\">\(HTMLText.escape(incidents.pluralTitle))"
      body += "</th><th scope=\"col\">Share</th></tr></thead><tbody>\n"
      for count in top {
        body += "<tr><td>\(site.link(to: count.id, from: path))</td><td>\(count.incidents)</td>"
        body += "<td>\(StatisticsNumber.fixed(count.share * 100, places: 1))%</td></tr>\n"
      }
      body += "</tbody></table></section>\n"
    }
    let html = PageShell(site: site).page(
      path: path, title: "Statistics", body: body,
      description: "\(techniques.pluralTitle) by number of \(incidents.plural)")
    return SiteFile(path: path, bytes: Array(html.utf8))
  }
}
