import DisarmModel
import DisarmParser

/// A page for each retired identifier of the register, at the path its object's page had, so that old links still
/// lead somewhere: it says the identifier is retired, when and why, and links to the replacement.
enum RetiredPage {
  static func render(_ entry: RetiredRegister.Entry, _ site: SiteContext) -> SiteFile {
    let kb = site.kb
    let path = site.path(of: entry.id)
    let words = kb.words(entry.id.kind)
    var body = "<article class=\"retired\">\n<h1><span class=\"kind\">\(HTMLText.escape(words.title))</span> "
    body += "<span class=\"id\">\(entry.id)</span> \(HTMLText.escape(entry.name ?? "")) "
    body += "<span class=\"badge retired\">retired</span></h1>\n"
    body += "<p>\(entry.id) is a retired \(HTMLText.escape(words.singular))"
    body += (entry.retired.map { " (retired in \(HTMLText.escape($0)))" } ?? "") + ".</p>\n"
    if let reason = entry.reason { body += "<p>\(InlineHTML.render(reason))</p>\n" }
    if let replacement = entry.replacedBy {
      body += "<p>Replaced by \(site.link(to: replacement, from: path)).</p>\n"
    }
    body += "</article>\n"
    let html = PageShell(site: site).page(path: path, title: "\(entry.id) (retired)", body: body)
    return SiteFile(path: path, bytes: Array(html.utf8))
  }
}
