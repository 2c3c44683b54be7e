import DisarmModel
import DisarmParser
import DisarmVersions

/// `changelog.html` (with `--compare OLD`): what changed since the compared version, kind by kind, as `disarm diff`
/// reports it; objects still on the site are linked.
enum ChangelogPage {
  static func render(_ diff: VersionDiff, _ site: SiteContext) -> SiteFile {
    let path = "changelog.html"
    var body = "<h1>Changes since \(HTMLText.escape(diff.old.label))</h1>\n"
    body += "<table class=\"counts\"><thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">Added</th>"
    body += "<th scope=\"col\">Removed</th><th scope=\"col\">Renamed</th><th scope=\"col\">Moved</th>"
    body += "<th scope=\"col\">Summary changed</th><th scope=\"col\">Relations changed</th>"
    body += "<th scope=\"col\">Unchanged</th></tr></thead><tbody>\n"
    for kind in diff.kinds {
      body += "<tr><th scope=\"row\">\(HTMLText.escape(kind.words.pluralTitle))</th><td>\(kind.added.count)</td>"
      body += "<td>\(kind.removed.count)</td><td>\(kind.renamed.count)</td><td>\(kind.moved.count)</td>"
      body += "<td>\(kind.summaries.count)</td><td>\(kind.relations.count)</td><td>\(kind.unchanged)</td></tr>\n"
    }
    body += "</tbody></table>\n"
    for kind in diff.kinds where !kind.isEmpty {
      body += "<section><h2>\(HTMLText.escape(kind.words.pluralTitle))</h2>\n"
      func list(_ title: String, _ items: [String]) {
        guard !items.isEmpty else { return }
        body += "<h3>\(title) <span class=\"count\">\(items.count)</span></h3><ul>\n"
        for item in items { body += "<li>\(item)</li>\n" }
        body += "</ul>\n"
      }
      list("Added", kind.added.map { site.link(to: $0.id, from: path, name: $0.name) })
      list(
        "Removed",
        kind.removed.map { removal in
          var text = "<span class=\"id\">\(removal.id)</span> \(HTMLText.escape(removal.name))"
          if let entry = removal.retirement {
            text += " — retired" + (entry.retired.map { " in \(HTMLText.escape($0))" } ?? "")
            if let replacement = entry.replacedBy { text += "; replaced by " + site.link(to: replacement, from: path) }
          }
          return text
        })
      list(
        "Renamed",
        kind.renamed.map { "\(site.link(to: $0.id, from: path)) (was “\(HTMLText.escape($0.old))”)" })
      list(
        "Moved",
        kind.moved.map {
          "\(site.link(to: $0.id, from: path)): \($0.placement.rawValue) \($0.old?.string ?? "none") → "
            + "\($0.new?.string ?? "none")"
        })
      list("Summary changed", kind.summaries.map { site.link(to: $0.id, from: path) })
      list(
        "Relations changed",
        kind.relations.map { change in
          var parts: [String] = []
          if !change.gained.isEmpty { parts.append("gained " + change.gained.map(\.string).joined(separator: ", ")) }
          if !change.lost.isEmpty { parts.append("lost " + change.lost.map(\.string).joined(separator: ", ")) }
          return "\(site.link(to: change.id, from: path)): \(HTMLText.escape(change.group)) "
            + parts.joined(separator: "; ")
        })
      body += "</section>\n"
    }
    let html = PageShell(site: site).page(path: path, title: "Changes", body: body)
    return SiteFile(path: path, bytes: Array(html.utf8))
  }
}
