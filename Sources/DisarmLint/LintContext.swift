import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmSupport

/// Hands a reference to another thread where the code knows that only one thread touches each part of it.
private struct UncheckedBox<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

/// What the rules read: the linked knowledge base, indexes several rules share (computed once, on first use), and
/// in the later phases the regenerated pages and the pages that drifted.
///
/// Rules never repeat a scan another rule needs: every link of every page is resolved once here, every prose
/// reference once, every relation indexed once.
public final class LintContext {
  /// The linked knowledge base the rules check.
  public let kb: KnowledgeBase
  /// The regenerated pages (phase ``LintPhase/regeneration`` and later).
  public internal(set) var regeneration: PageRenderer.Output?
  /// Pages whose regenerated form differs from the file (phase ``LintPhase/drift``).
  public internal(set) var changes: [PageSync.Change]?
  /// Pages to rewrite that changed on disk after they were read (phase ``LintPhase/writing``).
  public internal(set) var conflicts: [PageSync.Conflict] = []
  /// The base version the knowledge base is compared with (`disarm lint --since REV`, `--against DIR`), if any.
  public internal(set) var base: KnowledgeBase?

  /// What the previous check of this knowledge base left to reuse (the language server's), if anything.
  let cache: LintCache?

  /// A context for the model phase; ``Linter`` adds the later phases' inputs.
  public init(kb: KnowledgeBase, cache: LintCache? = nil) {
    self.kb = kb
    self.cache = cache
  }

  /// Every object page, with its object, then every page no object was assigned: what the ``PageRule``s check.
  public private(set) lazy var pageSubjects: [(page: ObjectPage, object: DisarmObject?)] =
    kb.orderedObjects.compactMap { object in object.page.map { ($0, object) } }
    + kb.unassignedPages.map { ($0, nil) }

  /// Whether the knowledge base has the identifiers of the cache's last check (then results that depend on which
  /// objects exist can be reused). Computed by ``computeSharedIndexes()``, before anything reads the cache.
  private(set) var identifiersUnchanged = false
  /// Whether the whole pages (indexes, matrices) have the bytes of the cache's last check.
  private(set) var wholePagesUnchanged = false

  /// Objects that are not stale.
  public private(set) lazy var liveObjects: [DisarmObject] = kb.orderedObjects.filter { !$0.isStale }

  /// The first tactic relation of `id`, if it has one.
  public func tacticRelation(of id: DisarmID) -> Relation? { tacticIndex[id].map { kb.relations[$0] } }

  /// Where in ``KnowledgeBase/relations`` each object's first tactic relation is (an index, not a copy of the
  /// relation: most objects of a large knowledge base have one).
  private(set) lazy var tacticIndex: [DisarmID: Int] = {
    var result: [DisarmID: Int] = [:]
    for (index, relation) in kb.relations.enumerated() where relation.kind == .tactic && result[relation.source] == nil
    {
      result[relation.source] = index
    }
    return result
  }()

  /// Every object another object's relation points at.
  public private(set) lazy var relationTargets: Set<DisarmID> = Set(
    kb.relations.lazy.filter { $0.source != $0.target }.map(\.target))

  /// Kinds whose index page the knowledge base has.
  public private(set) lazy var kindsWithIndex: Set<ObjectKind> = {
    var kinds = Set<ObjectKind>()
    for whole in kb.wholePages { if case .index(let kind) = whole.role { kinds.insert(kind) } }
    return kinds
  }()

  /// Every link to a markdown page on every object page, resolved once.
  public var pageLinks: FlattenSequence<[[PageLink]]> { pageLinksByPage.joined() }

  /// The resolved links page by page, found on all cores. Kept per page rather than gathered into one array: the
  /// gathering would briefly hold every link twice on a large knowledge base.
  private(set) lazy var pageLinksByPage: [[PageLink]] = {
    let objects = kb.objects
    let framework = kb.framework
    let computed: [(links: [PageLink], fresh: Bool)] = {
      let previous = identifiersUnchanged ? cache?.pageLinks ?? [:] : [:]
      return ParallelMap.map(kb.orderedObjects) { object -> (links: [PageLink], fresh: Bool) in
        guard let page = object.page else { return ([], false) }
        if let cached = previous[page.path], cached.page === page { return (cached.value, false) }
        return (Self.resolvedLinks(of: page, from: object.id, objects: objects, framework: framework), true)
      }
    }()
    if let cache { storeByPage(computed.map { ($0.links, $0.fresh) }, in: &cache.pageLinks) }
    return computed.map(\.links)
  }()

  /// The links of `page` to markdown pages, resolved.
  static func resolvedLinks(
    of page: ObjectPage, from source: DisarmID, objects: [DisarmID: DisarmObject], framework: FrameworkDescription
  ) -> [PageLink] {
    let links = page.links
    var resolved: [PageLink] = []
    resolved.reserveCapacity(links.count)
    for link in links {
      if let pageLink = PageLink(link: link, on: page, from: source, objects: objects, framework: framework) {
        resolved.append(pageLink)
      }
    }
    return resolved
  }

  /// Stores in the cache's `table`, by page path, what this check computed afresh for each object page (`computed`
  /// is in the order of ``KnowledgeBase/orderedObjects``; objects without pages have no entry).
  private func storeByPage<Value>(
    _ computed: [(value: Value, fresh: Bool)], in table: inout [String: LintCache.PageEntry<Value>]
  ) {
    let pages = kb.orderedObjects.compactMap(\.page)
    table.storeFresh(
      zip(kb.orderedObjects, computed).lazy.filter(\.1.fresh).compactMap { object, result in
        object.page.map { ($0.path, LintCache.PageEntry(page: $0, value: result.value)) }
      }, count: pages.count, keys: { pages.map(\.path) })
  }

  /// Objects some other page links to.
  public private(set) lazy var linkedObjects: Set<DisarmID> = {
    var linked = Set<DisarmID>()
    for link in pageLinks where link.targetExists && link.target != link.source {
      if let target = link.target { linked.insert(target) }
    }
    return linked
  }()

  /// Identifiers mentioned in prose on each page, resolved, leaving out codes already read as relations
  /// (`**Tactic**: TA07 …` is a relation, checked as one).
  public var proseReferences: FlattenSequence<[[(file: String, reference: ResolvedReference)]]> {
    proseReferencesByPage.joined()
  }

  /// The prose references page by page, resolved on all cores.
  private(set) lazy var proseReferencesByPage: [[(file: String, reference: ResolvedReference)]] = {
    let kb = kb
    let computed: [(references: [(file: String, reference: ResolvedReference)], fresh: Bool)] = {
      // A page's references are those of the last check when the page, the identifiers and the whole pages (whose
      // tables give some relations a page's offsets) are the same: then so are the relations read from the page.
      // (Read in this closure, so that the cache's table is no longer shared when it is updated below.)
      let previous = identifiersUnchanged && wholePagesUnchanged ? cache?.proseReferences ?? [:] : [:]
      // The offsets of the codes read as relations, for the pages checked again only (all on a first check, where
      // nothing is looked up: a one-shot command has no cache).
      var relationStarts: [String: Set<Int>] = [:]
      if previous.isEmpty {
        for relation in kb.relations { relationStarts[relation.file, default: []].insert(relation.position.offset) }
        for (file, offsets) in kb.checkedCodeOffsets { relationStarts[file, default: []].formUnion(offsets) }
      } else {
        let paths = Set(
          kb.orderedObjects.lazy.compactMap(\.page).filter { page in
            previous[page.path].map { $0.page !== page } ?? true
          }
          .map(\.path))
        for relation in kb.relations where paths.contains(relation.file) {
          relationStarts[relation.file, default: []].insert(relation.position.offset)
        }
        for path in paths {
          if let offsets = kb.checkedCodeOffsets[path] { relationStarts[path, default: []].formUnion(offsets) }
        }
      }
      return ParallelMap.map(kb.orderedObjects) { object in
        guard let page = object.page else { return ([], false) }
        if let cached = previous[page.path], cached.page === page { return (cached.value, false) }
        let starts = relationStarts[page.path] ?? []
        // Typed as the result is, so that the array is not cast element by element to the labelled tuple.
        let references: [(file: String, reference: ResolvedReference)] = kb.references(of: object.id).compactMap {
          reference in starts.contains(reference.reference.code.offsets.lowerBound) ? nil : (page.path, reference)
        }
        return (references, true)
      }
    }()
    if let cache { storeByPage(computed.map { ($0.references, $0.fresh) }, in: &cache.proseReferences) }
    return computed.map(\.references)
  }()

  /// The first NUL byte and the first invalid UTF-8 sequence of every page that has one. Every byte of every page
  /// is scanned, so the scan runs once, on all cores, for `binary-content` and `invalid-utf8` together.
  public private(set) lazy var encodingDefects: [(file: SourceFile, nul: Int?, invalidUTF8: Int?)] = {
    let files = kb.allSourceFiles
    let scanned: [(file: SourceFile, nul: Int?, invalidUTF8: Int?, fresh: Bool)] = {
      let previous = cache?.encoding ?? [:]
      return ParallelMap.map(files) { file in
        // The same bytes (for an unchanged page, the same array: `==` answers without reading them) scan the same.
        if let cached = previous[file.path], cached.bytes == file.bytes {
          return (file, cached.nul, cached.invalidUTF8, false)
        }
        return (file, file.firstNULOffset, file.firstInvalidUTF8Offset, true)
      }
    }()
    if let cache {
      cache.encoding.storeFresh(
        scanned.lazy.filter(\.fresh).map { ($0.file.path, ($0.file.bytes, $0.nul, $0.invalidUTF8)) },
        count: files.count, keys: { files.map(\.path) })
    }
    return scanned.filter { $0.nul != nil || $0.invalidUTF8 != nil }.map { ($0.file, $0.nul, $0.invalidUTF8) }
  }()

  /// Every object page and unassigned page.
  public var allObjectPages: [ObjectPage] { kb.orderedObjects.compactMap(\.page) + kb.unassignedPages }

  /// Computes every shared index now, the independent ones side by side, so that rules can then read them from
  /// several threads at once (a lazy property is not safe to compute from two threads).
  func computeSharedIndexes() {
    if let cache {
      let ids = kb.orderedObjects.map(\.id)
      identifiersUnchanged = ids == cache.objectIDs
      cache.objectIDs = ids
      let wholeBytes = kb.wholePages.map(\.file.bytes)
      wholePagesUnchanged = wholeBytes == cache.wholePageBytes
      cache.wholePageBytes = wholeBytes
    }
    let context = UncheckedBox(self)
    let tasks: [@Sendable () -> Void] = [
      { _ = context.value.encodingDefects },
      {
        _ = context.value.pageLinks
        _ = context.value.linkedObjects
      },
      {
        _ = context.value.proseReferences
        _ = context.value.liveObjects
        _ = context.value.tacticIndex
        _ = context.value.relationTargets
        _ = context.value.kindsWithIndex
        _ = context.value.pageSubjects
      },
    ]
    _ = ParallelMap.map(tasks) { $0() }
  }

  /// Frees the indexes the model rules share once they have run: the later phases do not read them, and on a
  /// large knowledge base they would otherwise stay in memory while every page is regenerated.
  func dropModelIndexes() {
    liveObjects = []
    tacticIndex = [:]
    relationTargets = []
    pageLinksByPage = []
    linkedObjects = []
    proseReferencesByPage = []
    encodingDefects = []
    pageSubjects = []
  }

  /// The folder the knowledge base's framework keeps `kind`'s pages in, for messages.
  func folder(_ kind: ObjectKind) -> String { kb.words(kind).folder ?? kind.rawValue }

  /// A note pointing at the heading of the object `id`, for findings that contradict it.
  func headingNote(of id: DisarmID, _ message: String) -> [DiagnosticNote] {
    guard let object = kb[id] else { return [] }
    let range = object.page?.heading?.line.range
    if let range { return [DiagnosticNote(file: object.file, range: range, message: message)] }
    return [DiagnosticNote(file: object.file, message: message)]
  }
}
