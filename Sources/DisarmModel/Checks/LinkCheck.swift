import DisarmParser

/// Checks every link in every table, owned or derived: that it points at a page of the knowledge base in the DISARM
/// form, that the page exists, and that the link text names the object as its heading does.
enum LinkCheck {
  /// DISARM writes links as `../../generated_pages/<kind folder>/<ID>.md`, relative to the repository's
  /// `generated_pages/<kind folder>/` page; this prefix is read as "the page folder" whatever the folder's name.
  static let canonicalPrefix = "../../generated_pages/"

  /// The page-folder-relative path a link destination names, or nil when it leaves the page folder.
  static func resolve(_ destination: String, from pagePath: String) -> String? {
    if destination.utf8.starts(with: canonicalPrefix.utf8) { return String(destination.dropFirst(canonicalPrefix.count)) }
    var parts = pagePath.split(separator: "/").dropLast().map(String.init)
    for part in destination.split(separator: "/", omittingEmptySubsequences: false) {
      switch part {
      case ".": continue
      case "..":
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      default: parts.append(String(part))
      }
    }
    return parts.joined(separator: "/")
  }

  static func diagnostics(objects: [DisarmID: DisarmObject]) -> (diagnostics: [Diagnostic], linked: Set<DisarmID>) {
    var diagnostics: [Diagnostic] = []
    var linked = Set<DisarmID>()
    for object in objects.values {
      guard let page = object.page else { continue }
      for link in page.links {
        // Only links to pages are checked; web addresses and placeholders such as `(-)` in reference tables are not.
        let raw = link.destination.utf8
        guard raw.count > 3, raw.suffix(3).map({ $0 | 0x20 }) == Array(".md".utf8), !raw.contains(UInt8(ascii: ":"))
        else { continue }
        let destination = link.destination.text
        let position = link.destination.range.start
        let path = resolve(destination, from: page.path)
        let parts = (path ?? destination).split(separator: "/").suffix(2)
        if path == nil || path!.split(separator: "/").count != 2 {
          diagnostics.append(
            Rules.brokenLink.diagnostic(
              file: page.path, at: position,
              "link '\(destination)' does not lead to a page of this knowledge base (write ../../generated_pages/<kind>/<ID>.md)"))
        }
        // Whatever its form, the link names an object by its last two parts: `<kind folder>/<ID>.md`.
        guard parts.count == 2, let kind = ObjectKind(folder: String(parts.first!)),
          let id = DisarmID(parts.last!.dropLast(3)), id.kind == kind
        else {
          if path != nil, path!.split(separator: "/").count == 2 {
            diagnostics.append(
              Rules.brokenLink.diagnostic(file: page.path, at: position, "link '\(destination)' does not name an object page (<kind folder>/<ID>.md)"))
          }
          continue
        }
        guard let target = objects[id] else {
          diagnostics.append(
            Rules.unresolvedLink.diagnostic(
              file: page.path, at: link.range.start, "link to \(id), which has no page"))
          continue
        }
        if id != object.id { linked.insert(id) }
        if let (written, rest) = DisarmID.leading(in: link.text.text), written == id, !rest.isEmpty, !target.name.isEmpty,
          rest != target.name.trimmingWhitespace()
        {
          diagnostics.append(
            Rules.nameMismatch.diagnostic(
              file: page.path, at: link.text.range.start, "\(id) is written '\(rest)' but is named '\(target.name)'"))
        }
      }
    }
    return (diagnostics, linked)
  }
}
