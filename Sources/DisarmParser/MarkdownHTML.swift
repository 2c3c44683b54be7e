import CCmark
import Foundation

/// Markdown to HTML with libcmark's own renderer, in safe mode: raw HTML in the text is not passed through (cmark
/// writes a `<!-- raw HTML omitted -->` comment instead) and links to `javascript:`, `vbscript:`, `file:` and most
/// `data:` addresses are emptied. Used for summaries on the static site. The parser target is the only one that
/// reads libcmark, so its HTML renderer is reached through here.
public enum MarkdownHTML {
  /// The HTML of `markdown`. DISARM's pages write line breaks and bold as HTML (`<br>`, `<b>…</b>`), which safe
  /// mode would drop: those few tags are turned into their markdown first; every other tag is omitted.
  public static func render(_ markdown: String) -> String {
    let prepared = DISARMTags.toMarkdown(markdown)
    let options = CMARK_OPT_SAFE | CMARK_OPT_SMART
    guard let html = prepared.withCString({ cmark_markdown_to_html($0, strlen($0), options) }) else { return "" }
    defer { free(html) }
    return String(cString: html)
  }
}

/// The HTML tags DISARM's generator writes into markdown text, as markdown.
enum DISARMTags {
  static let replacements: [(String, String)] = [
    ("<br><br>", "\n\n"), ("<br/>", "  \n"), ("<br />", "  \n"), ("</br>", "  \n"), ("<br>", "  \n"),
    ("<b>", "**"), ("</b>", "**"), ("<i>", "*"), ("</i>", "*"),
  ]

  static func toMarkdown(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "<")) else { return text }
    var result = text
    for (tag, markdown) in replacements { result = result.replacingOccurrences(of: tag, with: markdown) }
    return result
  }
}
