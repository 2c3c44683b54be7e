import DisarmModel
import DisarmParser

/// `search.html` and `assets/search-index.js`: search in the browser, over identifiers, names, summaries and the
/// incident descriptions of technique–incident pairs, ranked as `disarm search` ranks (name ×10, summary ×3, pair
/// descriptions ×1 per occurrence up to five, three times more for the whole phrase, an exact name first). The
/// index is a script, not a JSON file fetched at run time, so that search works from `file://`.
enum SearchPage {
  static func render(_ site: SiteContext) -> SiteFile {
    var body = "<h1>Search</h1>\n"
    body += "<form class=\"search-page\" role=\"search\" action=\"search.html\"><label for=\"search-input\">"
    body += "Search identifiers, names, summaries and incident descriptions</label> "
    body += "<input id=\"search-input\" name=\"q\" type=\"search\" autofocus></form>\n"
    body += "<p id=\"search-status\" role=\"status\" aria-live=\"polite\"></p>\n<ol id=\"search-results\"></ol>\n"
    body += "<script src=\"assets/search-index.js\" defer></script>\n"
    let html = PageShell(site: site).page(path: "search.html", title: "Search", body: body)
    return SiteFile(path: "search.html", bytes: Array(html.utf8))
  }

  /// `window.DISARM_SEARCH = [[id, kind, name, url, [[text, weight], …]], …];`, one entry per live object.
  static func index(_ site: SiteContext) -> SiteFile {
    let kb = site.kb
    var js = "window.DISARM_SEARCH = [\n"
    let objects = kb.objects.values.filter { !$0.isStale }.sorted { $0.id < $1.id }
    for object in objects {
      var fields: [(String, Int)] = [(object.name, 10)]
      if let summary = object.summary?.text { fields.append((summary, 3)) }
      // Pair descriptions as the reader sees them: the inline tags the pages render are not words to find.
      for relation in kb.outgoing(object.id, .usesTechnique) {
        fields.append((InlineHTML.plainText(relation.description ?? ""), 1))
      }
      for relation in kb.incoming(object.id, .usesTechnique) {
        fields.append((InlineHTML.plainText(relation.description ?? ""), 1))
      }
      let parts = fields.filter { !$0.0.isEmpty }.map { "[\(HTMLText.javaScriptString($0.0)),\($0.1)]" }
      js += "[\(HTMLText.javaScriptString(object.id.string)),\(HTMLText.javaScriptString(kb.words(object.kind).title)),"
      js += "\(HTMLText.javaScriptString(object.name)),\(HTMLText.javaScriptString(site.path(of: object.id))),"
      js += "[\(parts.joined(separator: ","))]],\n"
    }
    js += "];\n"
    return SiteFile(path: "assets/search-index.js", bytes: Array(js.utf8))
  }
}
