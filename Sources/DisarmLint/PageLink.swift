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
    framework: borrowing FrameworkDescription
  ) {
    let raw = link.destination.utf8
    let end = raw.endIndex
    guard raw.count > 3, raw[end - 3] == UInt8(ascii: "."), raw[end - 2] | 0x20 == UInt8(ascii: "m"),
      raw[end - 1] | 0x20 == UInt8(ascii: "d"), !raw.contains(UInt8(ascii: ":"))
    else { return nil }
    self.link = link
    self.source = source
    if let (stays, folder, file) = Self.asciiParts(raw, from: page.path, linkPrefix: framework.linkPrefix) {
      // An ASCII link (`../../generated_pages/techniques/T0151.004.md`), read on its bytes.
      staysInPageFolder = stays
      if let folder, let file, let kind = framework.kind(linkFolder: String(decoding: folder, as: UTF8.self))?.role,
        let id = DisarmID(String(decoding: file.dropLast(3), as: UTF8.self), in: framework.identifiers),
        id.kind == kind
      {
        target = id
        targetExists = objects[id] != nil
      } else {
        target = nil
        targetExists = false
      }
      return
    }
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

  /// For an ASCII destination from a page with an ASCII path, what ``resolve(_:from:linkPrefix:)`` and the split
  /// into parts would give, read on the bytes (every link of every page comes through here, and characters are slow
  /// to split): whether the resolved path stays in the page folder (exactly two parts), and the last two parts of
  /// the resolved path, or of the destination when it leaves the page folder (folder and file; nil when there are
  /// fewer). Nil for any other destination, which is resolved by characters.
  static func asciiParts(_ destination: ArraySlice<UInt8>, from pagePath: String, linkPrefix: String)
    -> (staysInPageFolder: Bool, folder: ArraySlice<UInt8>?, file: ArraySlice<UInt8>?)?
  {
    guard destination.allSatisfy({ $0 < 0x80 }) else { return nil }
    // A destination under a `../../` link prefix names the rest of it, from any page.
    var linkPrefix = linkPrefix
    let prefixCount: Int? = linkPrefix.withUTF8 { prefix in
      destination.withUnsafeBufferPointer { bytes in
        prefix.starts(with: "../../".utf8) && prefix.last != UInt8(ascii: "\r") && bytes.starts(with: prefix)
          ? prefix.count : nil
      }
    }
    if let prefixCount {
      let parts = lastTwoParts(of: destination.dropFirst(prefixCount))
      return (parts.count == 2, parts.folder, parts.file)
    }
    let page = Array(pagePath.utf8)
    guard page.allSatisfy({ $0 < 0x80 }) else { return nil }
    var resolved = page.split(separator: UInt8(ascii: "/")).dropLast()
    var leavesPageFolder = false
    for part in destination.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
      if part.elementsEqual(CollectionOfOne(UInt8(ascii: "."))) { continue }
      if part.elementsEqual("..".utf8) {
        guard !resolved.isEmpty else {
          leavesPageFolder = true
          break
        }
        resolved.removeLast()
      } else {
        resolved.append(part)
      }
    }
    if leavesPageFolder {
      let parts = lastTwoParts(of: destination)
      return (false, parts.folder, parts.file)
    }
    let path = ArraySlice(resolved.joined(separator: CollectionOfOne(UInt8(ascii: "/"))))
    let parts = lastTwoParts(of: path)
    return (parts.count == 2, parts.folder, parts.file)
  }

  /// The last two non-empty parts of `path` between `/`s (folder and file, both nil when there are fewer than two),
  /// and how many parts there are, counted up to three.
  private static func lastTwoParts(of path: ArraySlice<UInt8>)
    -> (count: Int, folder: ArraySlice<UInt8>?, file: ArraySlice<UInt8>?)
  {
    var file: ArraySlice<UInt8>?
    var folder: ArraySlice<UInt8>?
    var count = 0
    func found(_ part: ArraySlice<UInt8>) {
      if count == 0 { file = part } else if count == 1 { folder = part }
      count += 1
    }
    let start = path.startIndex
    var end = path.endIndex
    var i = end
    while i > start, count < 3 {
      i -= 1
      guard path[i] == UInt8(ascii: "/") else { continue }
      if i + 1 < end { found(path[(i + 1)..<end]) }
      end = i
    }
    if count < 3, start < end { found(path[start..<end]) }
    return (count, count >= 2 ? folder : nil, count >= 2 ? file : nil)
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
