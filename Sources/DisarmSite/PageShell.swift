import DisarmModel
import DisarmParser

/// The frame every page of the site shares: the document head (the site's own stylesheet and script by relative
/// path, nothing from elsewhere), the header with the site's title, the kinds and the search box, and the footer.
struct PageShell {
  let site: SiteContext

  /// A whole page at `path` (relative to the site folder) with `title` and `body`.
  func page(path: String, title: String, body: String, description: String? = nil) -> String {
    let root = SiteContext.root(from: path)
    var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    html += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(ContentSecurityPolicy.meta)\">\n"
    html += "<meta name=\"color-scheme\" content=\"light dark\">\n"
    html += "<title>\(HTMLText.escape(title)) · \(HTMLText.escape(site.title))</title>\n"
    if let description { html += "<meta name=\"description\" content=\"\(HTMLText.escape(description))\">\n" }
    if let base = site.options.baseURL, let canonical = SiteURL.checked(base + "/" + path) {
      html += "<link rel=\"canonical\" href=\"\(canonical)\">\n"
    }
    html += "<link rel=\"stylesheet\" href=\"\(root)assets/site.css\">\n"
    html += "<script src=\"\(root)assets/site.js\" defer></script>\n</head>\n<body>\n"
    html += "<a class=\"skip\" href=\"#main\">Skip to content</a>\n"
    html +=
      "<header class=\"site\">\n<a class=\"brand\" href=\"\(root)index.html\">\(HTMLText.escape(site.title))</a>\n"
    html += "<nav aria-label=\"Kinds\"><ul>\n"
    for kind in site.listedKinds {
      let words = site.kb.words(kind)
      html +=
        "<li><a href=\"\(root)\(site.folder(of: kind))/index.html\">"
        + "\(HTMLText.escape(words.pluralTitle))</a></li>\n"
    }
    if site.statistics.hasUses { html += "<li><a href=\"\(root)statistics.html\">Statistics</a></li>\n" }
    if site.options.comparison != nil { html += "<li><a href=\"\(root)changelog.html\">Changes</a></li>\n" }
    html += "</ul></nav>\n"
    html += "<form class=\"search\" role=\"search\" action=\"\(root)search.html\">"
    html += "<input id=\"q\" name=\"q\" type=\"search\" aria-label=\"Search the knowledge base\" "
    html += "placeholder=\"Search IDs, names, summaries\">"
    html += "<button type=\"submit\">Search</button></form>\n</header>\n"
    html += "<main id=\"main\">\n\(body)</main>\n"
    html +=
      "<footer class=\"site\"><p>\(HTMLText.escape(site.kb.framework.title)). Built by disarm from "
      + "\(site.liveCount) objects.</p></footer>\n</body>\n</html>\n"
    return html
  }
}
