import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser
import DisarmRegeneration

/// A link from an object page to a markdown page, resolved against the page folder: where it leads, whether that
/// is an object page and whether the object exists. Shared by `broken-link`, `unresolved-link` and
/// `name-mismatch`, which read the same links.
public struct PageLink: Sendable {
  /// The link as parsed, with its exact text and destination.
  public let link: Link
  /// The page the link is on (read from the link's source, not stored: every link of a knowledge base is held).
  public var page: String { link.whole.path }
  /// The object whose page holds the link (a link to itself does not make an object reachable).
  public let source: DisarmID
  /// Whether the destination resolves to a `<kind folder>/<file>` path inside the page folder. (Kept as a flag,
  /// not the path: every link of a large knowledge base is held here, and a string per link costs memory.)
  public let staysInPageFolder: Bool
  /// The object the link names by its last two parts (`<kind folder>/<ID>.md`), whatever its form.
  public let target: DisarmID?
  /// Whether ``target`` is an object of the knowledge base.
  public let targetExists: Bool

  /// Nil for links that are not to markdown pages (web addresses, placeholders such as `(-)`).
  init?(
    link: Link, on page: ObjectPage, from source: DisarmID, objects: [DisarmID: DisarmObject],
    framework: FrameworkDescription
  ) {
    let raw = link.destination.utf8
    guard raw.count > 3, raw.suffix(3).map({ $0 | 0x20 }) == Array(".md".utf8), !raw.contains(UInt8(ascii: ":"))
    else { return nil }
    self.link = link
    self.source = source
    let destination = link.destination.text
    let path = Self.resolve(destination, from: page.path, linkPrefix: framework.linkPrefix)
    staysInPageFolder = path.map { $0.split(separator: "/").count == 2 } ?? false
    let parts = (path ?? destination).split(separator: "/").suffix(2)
    if parts.count == 2, let kind = framework.kind(linkFolder: String(parts.first!))?.role,
      let id = DisarmID(parts.last!.dropLast(3), in: framework.identifiers), id.kind == kind
    {
      target = id
      targetExists = objects[id] != nil
    } else {
      target = nil
      targetExists = false
    }
  }

  /// The page-folder-relative path a link destination names, or nil when it leaves the page folder.
  static func resolve(_ destination: String, from pagePath: String, linkPrefix: String) -> String? {
    if linkPrefix.hasPrefix("../../"), destination.utf8.starts(with: linkPrefix.utf8) {
      return String(destination.dropFirst(linkPrefix.count))
    }
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
}
