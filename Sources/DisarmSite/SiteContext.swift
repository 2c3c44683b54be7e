import DisarmBrowsing
import DisarmFramework
import DisarmModel
import DisarmParser
import DisarmVersions

/// What every page of the site reads: the knowledge base, the options, the kinds that get pages, and where each
/// object's page is. Links between pages are relative (`../techniques/T0001.html`), so the site works from any
/// folder, any host and from `file://`.
struct SiteContext: Sendable {
  let kb: KnowledgeBase
  let options: SiteOptions
  let title: String
  /// Kinds with a list page, in framework order: those with live objects.
  let listedKinds: [ObjectKind]
  /// How many live objects the site shows (counted once: every page's footer says it).
  let liveCount: Int
  /// Identifiers added and changed since the compared version, for badges.
  let added: Set<DisarmID>
  let changed: Set<DisarmID>
  /// Each kind's folder on the site (see `folders(for:)`).
  let folders: [ObjectKind: String]
  /// The incidents' technique counts (the statistics page, the technique pages' usage).
  let statistics: SiteStatistics

  init(kb: KnowledgeBase, options: SiteOptions) {
    self.kb = kb
    self.options = options
    self.title = options.title ?? kb.framework.title
    self.listedKinds = kb.framework.kinds.map(\.role).filter { role in
      kb.objects(of: role).contains { !$0.isStale }
    }
    self.liveCount = kb.objects.values.count { !$0.isStale }
    var added = Set<DisarmID>()
    var changed = Set<DisarmID>()
    for kind in options.comparison?.kinds ?? [] {
      added.formUnion(kind.added.map(\.id))
      changed.formUnion(kind.changedIDs)
    }
    self.added = added
    self.changed = changed
    self.folders = Self.folders(for: kb)
    self.statistics = SiteStatistics(kb)
  }

  /// The top-level names the site's own files take, which no kind's folder may have.
  static let reservedNames: Set<String> = [
    "assets", "index.html", "search.html", "changelog.html", "statistics.html",
  ]

  /// The folder of each kind's pages on the site: the knowledge base's own folder name when it is a safe path
  /// segment (`SiteURL.isSafeSegment`), not one of the site's own names and not taken by an earlier kind; else the
  /// role's folder (`techniques`), else the role's folder with a number. A framework description is input like any
  /// page: a folder named `javascript:alert(1)` or `q"><img …>` never becomes part of a link.
  static func folders(for kb: KnowledgeBase) -> [ObjectKind: String] {
    var folders: [ObjectKind: String] = [:]
    var taken = reservedNames
    let kinds =
      kb.framework.kinds.map(\.role)
      + ObjectKind.allCases.filter { role in
        !kb.framework.kinds.contains { $0.role == role }
      }
    var refused: [ObjectKind] = []
    for kind in kinds {
      if let own = kb.words(kind).folder, SiteURL.isSafeSegment(own), !taken.contains(own.lowercased()) {
        folders[kind] = own
        taken.insert(own.lowercased())
      } else {
        refused.append(kind)
      }
    }
    for kind in refused {
      var folder = kind.folder
      var number = 2
      while taken.contains(folder) {
        folder = "\(kind.folder)-\(number)"
        number += 1
      }
      folders[kind] = folder
      taken.insert(folder)
    }
    return folders
  }

  /// The folder of a kind's pages on the site.
  func folder(of kind: ObjectKind) -> String { folders[kind] ?? kind.folder }

  /// The path of an object's page, relative to the site folder.
  func path(of id: DisarmID) -> String { "\(folder(of: id.kind))/\(id.string).html" }

  /// `../` for a page one folder down, nothing at the top.
  static func root(from path: String) -> String {
    String(repeating: "../", count: path.split(separator: "/").count - 1)
  }

  /// A link from the page at `from` to the object `id` (its name as link text), or the plain identifier and name
  /// when the object has no live page on the site.
  func link(to id: DisarmID, from: String, name: String? = nil) -> String {
    let shown = name ?? kb[id]?.name ?? ""
    let text = "<span class=\"id\">\(HTMLText.escape(id.string))</span> \(HTMLText.escape(shown))"
    guard let object = kb[id], !object.isStale else { return text }
    return "<a href=\"\(Self.root(from: from))\(HTMLText.escape(path(of: id)))\">\(text)</a>"
  }

  /// A badge for an object new or changed since the compared version.
  ///
  /// For an extension (`extends:`), its own objects also carry a `local` badge, so that readers of the published
  /// union tell the team's additions from upstream's framework.
  func badge(for id: DisarmID) -> String {
    let local = kb.origin(of: id) == .local ? " <span class=\"badge local\">local</span>" : ""
    if added.contains(id) { return " <span class=\"badge new\">new</span>" + local }
    if changed.contains(id) { return " <span class=\"badge changed\">changed</span>" + local }
    return local
  }
}
