/// Page text with the few inline HTML tags DISARM's authors write (`<i>`, `<br>`, `<b>`, …) rendered as GitHub
/// renders them, and everything else escaped. Incident descriptions, remarks, field values and retirement reasons are
/// plain text with such tags; without this the site would show `<i>…</i><br><br>` literally.
///
/// The rules: a tag of `allowed` with no attributes (`<i>`, `</i>`, `<br>`, `<br/>`, `<br />`; any letter case) is
/// kept, written in lower case; any other tag, a tag with attributes, a comment or a stray `<` is escaped and shown
/// as text. Tags are balanced: a closing tag with no open tag of its name is dropped; a closing tag closes the tags
/// opened after its own; tags still open at the end are closed there, so a fragment never changes the markup around
/// it. `</br>` is a line break, as browsers read it.
enum InlineHTML {
  /// The inline tags kept, besides the line break.
  static let allowed: Set<String> = ["i", "em", "b", "strong", "code", "sub", "sup", "u", "s"]

  /// `text` as HTML: the allowed tags kept and balanced, everything else escaped by `HTMLText.escape`.
  static func render(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "<")) else { return HTMLText.escape(text) }
    var out = ""
    var open: [String] = []
    var rest = Substring(text)
    // The next `<` found on the UTF-8 view (a `Character` search walks grapheme clusters: every incident
    // description of every technique page comes through here).
    while let less = rest.utf8.firstIndex(of: UInt8(ascii: "<")) {
      out += HTMLText.escape(String(rest[..<less]))
      let candidate = rest[less...]
      if let (tag, closing, length) = tag(at: candidate) {
        rest = candidate.dropFirst(length)
        if tag == "br" {
          out += "<br>"
        } else if !closing {
          open.append(tag)
          out += "<\(tag)>"
        } else if let index = open.lastIndex(of: tag) {
          for name in open[index...].reversed() { out += "</\(name)>" }
          open.removeSubrange(index...)
        }
      } else {
        out += "&lt;"
        rest = candidate.dropFirst()
      }
    }
    out += HTMLText.escape(String(rest))
    for name in open.reversed() { out += "</\(name)>" }
    return out
  }

  /// `text` without the tags `render` keeps (a line break becomes a space), for the search index, whose snippets
  /// the browser shows as text.
  static func plainText(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "<")) else { return text }
    var out = ""
    var rest = Substring(text)
    while let less = rest.utf8.firstIndex(of: UInt8(ascii: "<")) {
      out += rest[..<less]
      if let found = tag(at: rest[less...]) {
        if found.name == "br" { out += " " }
        rest = rest[less...].dropFirst(found.length)
      } else {
        out += "<"
        rest = rest[less...].dropFirst()
      }
    }
    return out + rest
  }

  /// The allowed tag at the start of `text` (which starts with `<`): its lower-case name, whether it closes, and its
  /// length in characters; nil when `text` does not start with one.
  static func tag(at text: Substring) -> (name: String, closing: Bool, length: Int)? {
    var characters = text.dropFirst().prefix(12).makeIterator()
    var length = 1
    var closing = false
    var name = ""
    while let character = characters.next() {
      length += 1
      switch character {
      case "/" where name.isEmpty && !closing:
        closing = true
      case _ where character.isASCII && character.isLetter:
        name.append(character)
      case "/" where name.lowercased() == "br":
        // `<br/>`
        guard characters.next() == ">" else { return nil }
        return ("br", false, length + 1)
      case " " where name.lowercased() == "br" && !closing:
        // `<br />`
        guard characters.next() == "/", characters.next() == ">" else { return nil }
        return ("br", false, length + 2)
      case ">":
        let lower = name.lowercased()
        guard lower == "br" || allowed.contains(lower) else { return nil }
        return (lower, lower == "br" ? false : closing, length)
      default:
        return nil
      }
    }
    return nil
  }
}
