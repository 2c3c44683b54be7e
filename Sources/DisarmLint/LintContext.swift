import DisarmDiagnostics
import DisarmModel
import DisarmParser
import DisarmRegeneration

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

  /// A context for the model phase; ``Linter`` adds the later phases' inputs.
  public init(kb: KnowledgeBase) { self.kb = kb }

  /// Objects that are not stale.
  public private(set) lazy var liveObjects: [DisarmObject] = kb.objects.values.filter { !$0.isStale }

  /// The first tactic relation of each object.
  public private(set) lazy var tacticOf: [DisarmID: Relation] = {
    var result: [DisarmID: Relation] = [:]
    for relation in kb.relations where relation.kind == .tactic && result[relation.source] == nil {
      result[relation.source] = relation
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
  public private(set) lazy var pageLinks: [PageLink] = kb.objects.values.flatMap { object -> [PageLink] in
    guard let page = object.page else { return [] }
    return page.links.compactMap { PageLink(link: $0, on: page, from: object.id, objects: kb.objects) }
  }

  /// Objects some other page links to.
  public private(set) lazy var linkedObjects: Set<DisarmID> = Set(
    pageLinks.compactMap { $0.target != nil && $0.targetExists && $0.target != $0.source ? $0.target : nil })

  /// Identifiers mentioned in prose on each page, resolved, leaving out codes already read as relations
  /// (`**Tactic**: TA07 …` is a relation, checked as one).
  public private(set) lazy var proseReferences: [(file: String, reference: ResolvedReference)] = {
    var relationStarts: [String: Set<Int>] = [:]
    for relation in kb.relations { relationStarts[relation.file, default: []].insert(relation.position.offset) }
    for (file, offsets) in kb.checkedCodeOffsets { relationStarts[file, default: []].formUnion(offsets) }
    var result: [(file: String, reference: ResolvedReference)] = []
    for object in kb.objects.values {
      guard let page = object.page else { continue }
      let starts = relationStarts[page.path] ?? []
      for reference in kb.references(of: object.id) where !starts.contains(reference.reference.code.offsets.lowerBound)
      {
        result.append((page.path, reference))
      }
    }
    return result
  }()

  /// The first NUL byte and the first invalid UTF-8 sequence of every page that has one. Every byte of every page
  /// is scanned, so the scan runs once, on all cores, for `binary-content` and `invalid-utf8` together.
  public private(set) lazy var encodingDefects: [(file: SourceFile, nul: Int?, invalidUTF8: Int?)] =
    ParallelMap.map(kb.allSourceFiles) { file in (file, file.firstNULOffset, file.firstInvalidUTF8Offset) }
    .filter { $0.nul != nil || $0.invalidUTF8 != nil }

  /// Every object page and unassigned page.
  public var allObjectPages: [ObjectPage] { kb.objects.values.compactMap(\.page) + kb.unassignedPages }

  /// Frees the indexes the model rules share once they have run: the later phases do not read them, and on a
  /// large knowledge base they would otherwise stay in memory while every page is regenerated.
  func dropModelIndexes() {
    liveObjects = []
    tacticOf = [:]
    relationTargets = []
    pageLinks = []
    linkedObjects = []
    proseReferences = []
    encodingDefects = []
  }

  /// A note pointing at the heading of the object `id`, for findings that contradict it.
  func headingNote(of id: DisarmID, _ message: String) -> [DiagnosticNote] {
    guard let object = kb[id] else { return [] }
    let range = object.page?.heading?.line.range
    if let range { return [DiagnosticNote(file: object.file, range: range, message: message)] }
    return [DiagnosticNote(file: object.file, message: message)]
  }
}
