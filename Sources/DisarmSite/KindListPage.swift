import DisarmFramework
import DisarmModel
import DisarmParser

/// `<folder>/index.html`: every live object of a kind in a table, sortable by any column and filterable by tactic
/// (by the site's script; without it the table is still complete, in identifier order).
enum KindListPage {
  static func render(_ kind: ObjectKind, _ site: SiteContext) -> SiteFile {
    let kb = site.kb
    let words = kb.words(kind)
    let path = "\(site.folder(of: kind))/index.html"
    let objects = kb.objects(of: kind).filter { !$0.isStale }.sorted { $0.id < $1.id }
    let tactics = objects.map { kb.tactic(of: $0.id) }
    let hasTactic = tactics.contains { $0 != nil }
    let years = objects.map { object in
      object.fields.first { $0.key == "year started" }?.value.trimmed ?? ""
    }
    let hasYear = years.contains { !$0.isEmpty }
    // Incidents: how many techniques each used (their incident page's technique table).
    let techniqueCounts = objects.map { kb.outgoing($0.id, .usesTechnique).count }
    let hasTechniques = kind == .incident
    let tacticWords = kb.words(.tactic)
    var body = "<h1>\(HTMLText.escape(words.pluralTitle)) <span class=\"count\">\(objects.count)</span></h1>\n"
    if hasTactic {
      body += "<p class=\"filter\"><label for=\"tactic-filter\">\(HTMLText.escape(tacticWords.title))</label> "
      body += "<select id=\"tactic-filter\" data-filter-column=\"2\"><option value=\"\">All</option>"
      for tactic in Set(tactics.compactMap { $0 }).sorted() {
        body += "<option value=\"\(tactic)\">\(tactic) \(HTMLText.escape(kb[tactic]?.name ?? ""))</option>"
      }
      body += "</select></p>\n"
    }
    body += "<table class=\"list sortable\">\n<thead><tr>"
    body += "<th scope=\"col\"><button type=\"button\" data-sort=\"0\">ID</button></th>"
    body += "<th scope=\"col\"><button type=\"button\" data-sort=\"1\">Name</button></th>"
    if hasTactic {
      body +=
        "<th scope=\"col\"><button type=\"button\" data-sort=\"2\">\(HTMLText.escape(tacticWords.title))</button></th>"
    }
    if hasYear {
      body += "<th scope=\"col\"><button type=\"button\" data-sort=\"\(hasTactic ? 3 : 2)\">Year</button></th>"
    }
    if hasTechniques {
      let column = 2 + (hasTactic ? 1 : 0) + (hasYear ? 1 : 0)
      body +=
        "<th scope=\"col\"><button type=\"button\" data-sort=\"\(column)\">"
        + "\(HTMLText.escape(kb.words(.technique).pluralTitle))</button></th>"
    }
    body += "</tr></thead>\n<tbody>\n"
    for (index, object) in objects.enumerated() {
      body +=
        "<tr><td data-value=\"\(object.id)\"><a href=\"\(object.id).html\"><span class=\"id\">\(object.id)</span></a>"
      body += "\(site.badge(for: object.id))</td><td>\(HTMLText.escape(object.name))</td>"
      if hasTactic {
        let tactic = tactics[index]
        body += "<td data-value=\"\(tactic?.string ?? "")\">"
        if let tactic { body += site.link(to: tactic, from: path) }
        body += "</td>"
      }
      if hasYear { body += "<td>\(HTMLText.escape(years[index]))</td>" }
      if hasTechniques {
        // Zero-padded for sorting as text.
        let count = techniqueCounts[index]
        body +=
          "<td data-value=\"\(String(repeating: "0", count: max(0, 5 - String(count).count)))\(count)\">\(count)</td>"
      }
      body += "</tr>\n"
    }
    body += "</tbody>\n</table>\n"
    let html = PageShell(site: site).page(path: path, title: words.pluralTitle, body: body)
    return SiteFile(path: path, bytes: Array(html.utf8))
  }
}
