import DisarmFramework

/// What a knowledge base that extends an upstream one (``UpstreamSetting``) took from it. The knowledge base is the
/// union of both trees: upstream's pages are read under their own page-folder-relative paths, so that every command
/// sees one framework and `build --output` writes the published whole; this records which files and identifiers are
/// upstream's, so that nothing writes them, findings on them stay upstream's, and output can say what is local.
public struct Upstream: Sendable {
  /// A local page whose identifier upstream also has: an extension's objects need identifiers of their own.
  public struct Collision: Sendable, Equatable {
    public var id: DisarmID
    /// The local page.
    public var localPath: String
    /// Where upstream has it: its page, or its index.
    public var upstreamPath: String
  }

  /// The upstream as configured and found on disk.
  public let release: UpstreamRelease
  /// Files of the union read from upstream, by page-folder-relative path, with the path output names them by.
  public let files: [String: String]
  /// Every identifier upstream has: its pages', its indexes' rows and the objects that live in its index pages.
  public let identifiers: Set<DisarmID>
  /// Local pages whose identifier upstream also has, by identifier.
  public let collisions: [Collision]

  /// How output names the upstream (its folder, or `repository@revision`).
  public var label: String { release.setting.label }

  /// Whether the file at the page-folder-relative `path` was read from upstream.
  public func isUpstreamFile(_ path: String) -> Bool { files[path] != nil }
}

extension KnowledgeBase {
  /// Which tree an object of an extension comes from.
  public enum Origin: String, Sendable {
    case local, upstream
  }

  /// For an extension, whether `id` is upstream's or the knowledge base's own; nil for a knowledge base that extends
  /// nothing (there every object is its own, and output says nothing about origins).
  public func origin(of id: DisarmID) -> Origin? {
    guard let upstream else { return nil }
    if let path = objects[id]?.page?.path { return upstream.isUpstreamFile(path) ? .upstream : .local }
    return upstream.identifiers.contains(id) ? .upstream : .local
  }

  /// The knowledge base's own objects (every object, for one that extends nothing): how many, how many of each
  /// kind, and how many of them are stale. What the summary line, `disarm upstream` and `disarm.json` count.
  public func ownObjectCounts() -> (total: Int, byKind: [ObjectKind: Int], stale: Int) {
    var byKind: [ObjectKind: Int] = [:]
    var total = 0
    var stale = 0
    for object in objects.values where origin(of: object.id) != .upstream {
      byKind[object.kind, default: 0] += 1
      total += 1
      if object.isStale { stale += 1 }
    }
    return (total, byKind, stale)
  }

  /// Whether the page-folder-relative `path` is a file the knowledge base's own tree holds (always true for a
  /// knowledge base that extends nothing): only those are written, checked for drift and reported on.
  public func isLocalFile(_ path: String) -> Bool { upstream.map { !$0.isUpstreamFile(path) } ?? true }
}

extension Upstream {
  /// `disarm upstream status`: where upstream is read from, how many objects each tree gives, and the collisions.
  public func status(of kb: KnowledgeBase) -> String {
    let (own, counts, _) = kb.ownObjectCounts()
    let kinds = ObjectKind.allCases.compactMap { kind in counts[kind].map { "\(kind.plural) \($0)" } }
    var lines = [
      "extends: \(label)", "upstream pages: \(release.pageFolderLabel)",
      "upstream objects: \(kb.objects.count - own)",
      "local objects: \(own)" + (kinds.isEmpty ? "" : " (\(kinds.joined(separator: ", ")))"),
    ]
    lines.append("collisions: \(collisions.count)")
    for collision in collisions {
      lines.append("  \(collision.localPath): \(collision.id) is also upstream's (\(collision.upstreamPath))")
    }
    return lines.joined(separator: "\n")
  }
}
