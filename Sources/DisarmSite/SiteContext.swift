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
  }

  /// The folder of a kind's pages on the site: the knowledge base's own folder name, else the role's.
  static func folder(of kind: ObjectKind, in kb: KnowledgeBase) -> String {
    kb.words(kind).folder ?? kind.folder
  }

  /// The path of an object's page, relative to the site folder.
  func path(of id: DisarmID) -> String { "\(Self.folder(of: id.kind, in: kb))/\(id.string).html" }

  /// `../` for a page one folder down, nothing at the top.
  static func root(from path: String) -> String {
    String(repeating: "../", count: path.split(separator: "/").count - 1)
  }

  /// A link from the page at `from` to the object `id` (its name as link text), or the plain identifier and name
  /// when the object has no live page on the site.
  func link(to id: DisarmID, from: String, name: String? = nil) -> String {
    let shown = name ?? kb[id]?.name ?? ""
    let text = "<span class=\"id\">\(id)</span> \(HTMLText.escape(shown))"
    guard let object = kb[id], !object.isStale else { return text }
    return "<a href=\"\(Self.root(from: from))\(path(of: id))\">\(text)</a>"
  }

  /// A badge for an object new or changed since the compared version.
  func badge(for id: DisarmID) -> String {
    if added.contains(id) { return " <span class=\"badge new\">new</span>" }
    if changed.contains(id) { return " <span class=\"badge changed\">changed</span>" }
    return ""
  }
}
