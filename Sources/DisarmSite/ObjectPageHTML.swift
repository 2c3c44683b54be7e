import DisarmBrowsing
import DisarmModel
import DisarmParser

/// One object's page: its kind, identifier and name, its fields, its summary (markdown through libcmark's safe
/// renderer), every relation in both directions with the pair's description (the groups `disarm show` prints), its
/// notes shown as notes, and a link to its source page when `--source-url` is given.
enum ObjectPageHTML {
  static func render(_ object: DisarmObject, _ site: SiteContext) -> SiteFile {
    let kb = site.kb
    let path = site.path(of: object.id)
    let words = kb.words(object.kind)
    let root = SiteContext.root(from: path)
    var body = "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"\(root)index.html\">Home</a> › "
    body += "<a href=\"index.html\">\(HTMLText.escape(words.pluralTitle))</a> › \(object.id)</nav>\n<article>\n"
    body += "<h1><span class=\"kind\">\(HTMLText.escape(words.title))</span> <span class=\"id\">\(object.id)</span> "
    body += "\(HTMLText.escape(object.name))\(site.badge(for: object.id))</h1>\n"
    let facts = fields(of: object, in: kb)
    if !facts.isEmpty {
      body += "<dl class=\"facts\">\n"
      for (label, value) in facts { body += "<dt>\(HTMLText.escape(label))</dt><dd>\(InlineHTML.render(value))</dd>\n" }
      body += "</dl>\n"
    }
    if object.kind == .technique, site.statistics.hasUses { body += usage(of: object.id, site, path: path) }
    if let summary = object.summary?.text.trimmingWhitespace(), !summary.isEmpty {
      body += "<section class=\"summary\" aria-labelledby=\"summary\"><h2 id=\"summary\">Summary</h2>\n"
      body += SiteURL.checkingAttributes(in: HTMLText.markdown(summary)) + "</section>\n"
    }
    for (index, group) in kb.relatedGroups(of: object.id).enumerated() {
      let anchor = "related-\(index)"
      body += "<section class=\"related\" aria-labelledby=\"\(anchor)\"><h2 id=\"\(anchor)\">"
      body += "\(HTMLText.escape(group.title)) <span class=\"count\">\(group.entries.count)</span></h2>\n"
      let described = group.entries.contains { ($0.description ?? $0.remark ?? "").isEmpty == false }
      body += "<table><thead><tr><th scope=\"col\">\(HTMLText.escape(group.title))</th>"
      if described { body += "<th scope=\"col\">Description</th>" }
      body += "</tr></thead><tbody>\n"
      for entry in group.entries {
        body += "<tr><td>\(site.link(to: entry.id, from: path, name: entry.name))\(site.badge(for: entry.id))</td>"
        if described {
          body += "<td>\(InlineHTML.render(entry.description ?? ""))"
          if let remark = entry.remark, !remark.isEmpty {
            body += " <span class=\"remark\">\(InlineHTML.render(remark))</span>"
          }
          body += "</td>"
        }
        body += "</tr>\n"
      }
      body += "</tbody></table></section>\n"
    }
    if let notes = object.page?.notes?.text.trimmingWhitespace(), !notes.isEmpty {
      body += "<aside class=\"notes\" aria-labelledby=\"notes\"><h2 id=\"notes\">Notes</h2>\n"
      body += SiteURL.checkingAttributes(in: HTMLText.markdown(notes)) + "</aside>\n"
    }
    if let source = site.options.sourceURL, let page = object.page,
      let address = SiteURL.checked(source + "/" + page.path)
    {
      body += "<p class=\"source\"><a href=\"\(address)\">Source page</a></p>\n"
    }
    body += "</article>\n"
    let title = "\(object.id) \(object.name)"
    let summaryLine = object.summary?.trimmed.prefix(200).description
    let html = PageShell(site: site).page(path: path, title: title, body: body, description: summaryLine)
    return SiteFile(path: path, bytes: Array(html.utf8))
  }

  /// How many incidents use the technique (of how many, as `disarm stats` counts) and the techniques it most often
  /// appears with, each with the number of incidents naming both.
  static func usage(of id: DisarmID, _ site: SiteContext, path: String) -> String {
    let kb = site.kb
    let count = site.statistics.counts[id] ?? 0
    let total = site.statistics.records.count
    let incidents = kb.words(.incident)
    var html = "<section class=\"usage\" aria-labelledby=\"usage\"><h2 id=\"usage\">Use in "
    html += "\(HTMLText.escape(incidents.plural))</h2>\n<p>Named by <strong>\(count)</strong> of \(total) "
    html +=
      "\(HTMLText.escape(incidents.plural)) (<a href=\"\(SiteContext.root(from: path))statistics.html\">statistics</a>)."
    html += "</p>\n"
    let companions = site.statistics.companions[id] ?? []
    if !companions.isEmpty {
      html += "<p>Most often with:</p>\n<ul>"
      for companion in companions {
        let noun = companion.together == 1 ? incidents.singular : incidents.plural
        html += "<li>\(site.link(to: companion.id, from: path)) (\(companion.together) \(HTMLText.escape(noun)))</li>"
      }
      html += "</ul>\n"
    }
    return html + "</section>\n"
  }

  /// The page's own fields other than the summary and the relations shown as groups, with their values as written.
  static func fields(of object: DisarmObject, in kb: KnowledgeBase) -> [(String, String)] {
    let relationKeys = Set(["tactic", "phase", "parent", "metatechnique"].flatMap { kb.framework.fieldKeys($0) })
    return object.fields.filter { $0.key != "summary" && !relationKeys.contains($0.key) && $0.key != "id" }.map {
      ($0.label, $0.value.trimmed)
    }.filter { !$0.1.isEmpty }
  }
}
