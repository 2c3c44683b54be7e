import DisarmFramework
import DisarmParser
import Foundation

extension KnowledgeBaseLoader {
  /// The upstream's files as listed beside the local ones: which paths of the union are upstream's, which upstream
  /// pages the local tree has its own page at, and upstream's register of retired identifiers.
  struct UpstreamListing: Sendable {
    var release: UpstreamRelease
    /// Union paths read from upstream, with the path output names them by.
    var files: [String: String]
    /// Upstream object pages the local tree has a page at, by path, with the path output names them by.
    var shadowed: [String: String]
    /// Upstream's `retired.yml`, used when the local tree has none.
    var register: RetiredRegister

    /// Upstream's pages, for the union: each under its own page-folder-relative path, except where the local tree
    /// (`localPaths`, its files and pages given from memory) has that path. A local index of a kind keeps upstream's
    /// index as a listing only (`upstreamIndex`), under its upstream path; a local object page at an upstream
    /// page's path is a collision (the upstream page is not read).
    static func list(_ release: UpstreamRelease, localPaths: Set<String>, framework: FrameworkDescription)
      throws(LoadError) -> (files: [PageFile], listing: UpstreamListing)
    {
      var ignored: [SkippedFile] = []
      let theirs = try listPages(in: release.pageFolder, framework: framework, skipped: &ignored)
      var files: [PageFile] = []
      var union: [String: String] = [:]
      var shadowed: [String: String] = [:]
      for var file in theirs {
        let display = release.displayPath(of: file.relativePath)
        guard localPaths.contains(file.relativePath) else {
          union[file.relativePath] = display
          files.append(file)
          continue
        }
        switch file.role {
        case .object:
          shadowed[file.relativePath] = display
          file.role = .shadowed
          file.relativePath = display
          files.append(file)
        case .whole(let role):
          guard case .index = role else { continue }
          file.role = .upstreamIndex(role)
          file.relativePath = display
          files.append(file)
        default: continue
        }
      }
      let register = try readRegister(in: release.pageFolder, syntax: framework.identifiers)
      let listing = UpstreamListing(release: release, files: union, shadowed: shadowed, register: register)
      return (files, listing)
    }

    /// What the linked union `kb` took from upstream: its identifiers (pages, index rows, objects living in its
    /// index pages, and the pages the local tree shadows) and the local pages that collide with them.
    func upstream(of kb: KnowledgeBase, indexes listingOnly: [WholePage]) -> Upstream {
      let syntax = kb.framework.identifiers
      var identifiers = Set<DisarmID>()
      var whereUpstream: [DisarmID: String] = [:]
      for object in kb.orderedObjects {
        guard let path = object.page?.path, let display = files[path] else { continue }
        identifiers.insert(object.id)
        whereUpstream[object.id] = display
      }
      for whole in kb.wholePages.filter({ files[$0.path] != nil }) + listingOnly {
        guard case .index(let kind) = whole.role else { continue }
        let display = files[whole.path] ?? whole.path
        var ids = Array(IndexReader.listedIDs(in: whole, syntax: syntax).keys)
        if !kind.hasPages {
          var problems: [ReadingProblem] = []
          ids += IndexReader.objects(of: kind, in: whole, syntax: syntax, problems: &problems).map(\.id)
        }
        for id in ids where id.kind == kind {
          identifiers.insert(id)
          if whereUpstream[id] == nil { whereUpstream[id] = display }
        }
      }
      for (path, display) in shadowed {
        let stem = (path as NSString).lastPathComponent.dropLast(3)
        guard let id = DisarmID(String(stem), in: syntax) else { continue }
        identifiers.insert(id)
        whereUpstream[id] = display
      }
      var collisions: [Upstream.Collision] = []
      for object in kb.orderedObjects {
        guard let path = object.page?.path, files[path] == nil, identifiers.contains(object.id) else { continue }
        collisions.append(
          Upstream.Collision(
            id: object.id, localPath: path, upstreamPath: whereUpstream[object.id] ?? release.setting.label))
      }
      return Upstream(release: release, files: files, identifiers: identifiers, collisions: collisions)
    }
  }
}
