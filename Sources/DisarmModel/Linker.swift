import DisarmDiagnostics
import DisarmFramework
import DisarmParser
import DisarmSupport

/// Turns parsed pages into the linked ``KnowledgeBase``: assigns identifiers, reads each kind's owned facts into
/// relations, takes objects that live only in index pages from there (response types, detections, and objects an
/// index lists without a page), and resolves every link and reference.
///
/// The linker reports nothing itself: what it could not use (unassigned pages, unreadable fields, stale pages) is
/// recorded as facts on the knowledge base, and the lint rules turn facts into diagnostics.
enum Linker {
  /// An extension's upstream pages in the union: which paths are upstream's, and upstream index pages that the local
  /// tree has its own copy of (read only for what they list).
  struct UpstreamPages {
    var paths: Set<String>
    var indexes: [WholePage]
  }

  /// With a `cache` (the language server's), what the last link read from pages that are the very same page objects
  /// (their objects, the relations of runs of them) and from index pages with the same bytes is taken from it, and
  /// what this link reads is kept there: after an edit only the edited page is read again.
  static func link(
    pages: [ObjectPage], wholePages: [WholePage], skippedFiles: [SkippedFile], framework: FrameworkDescription,
    cache: PageCache? = nil, upstream: UpstreamPages? = nil
  ) -> KnowledgeBase {
    let syntax = framework.identifiers
    var problems: [ReadingProblem] = []
    let pages = inPathOrder(pages)
    let (objects, unassigned) = assignIdentifiers(pages, syntax: syntax, cache: cache)
    var allObjects = objects
    let previousIndexes = cache?.indexReadings ?? [:]
    var indexReadings: [String: PageCache.IndexReading] = [:]
    /// What `whole` gave last time, if its bytes are those read then (for an unchanged file, the same array).
    func reading(_ whole: WholePage) -> PageCache.IndexReading {
      if let known = indexReadings[whole.path] { return known }
      if let known = previousIndexes[whole.path], known.bytes == whole.file.bytes { return known }
      return PageCache.IndexReading(bytes: whole.file.bytes, problems: [])
    }

    // Every index page read: an extension's membership is the union of its own indexes and upstream's.
    let indexPages = wholePages + (upstream?.indexes ?? [])
    // Objects that live only in index pages.
    for whole in indexPages {
      guard case .index(let kind) = whole.role, !kind.hasPages else { continue }
      var known = reading(whole)
      if known.objects == nil {
        known.objects = IndexReader.objects(of: kind, in: whole, syntax: syntax, problems: &known.problems)
      }
      indexReadings[whole.path] = known
      problems += known.problems
      for object in known.objects ?? [] where allObjects[object.id] == nil {
        allObjects[object.id] = object
      }
    }

    // Stale pages: a kind with an index lists exactly the objects of its release.
    var indexes: [ObjectKind: IndexListing] = [:]
    for whole in indexPages {
      guard case .index(let kind) = whole.role, kind.hasPages, upstream != nil || indexes[kind] == nil else { continue }
      var known = reading(whole)
      if known.listed == nil { known.listed = IndexReader.listedIDs(in: whole, syntax: syntax) }
      indexReadings[whole.path] = known
      var listing = IndexListing(path: whole.path, kind: kind, listed: known.listed ?? [:])
      if let earlier = indexes[kind] {
        listing = IndexListing(
          path: earlier.path, kind: kind, listed: earlier.listed.merging(listing.listed) { first, _ in first })
      }
      indexes[kind] = listing
      // The index owns which objects the knowledge base has: a listed object without a page is known by its row.
      let withoutPage = Set(listing.listed.keys.filter { $0.kind == kind && allObjects[$0] == nil })
      if !withoutPage.isEmpty {
        for object in IndexReader.listedObjects(withoutPage, of: kind, in: whole, syntax: syntax) {
          allObjects[object.id] = object
        }
      }
    }
    cache?.indexReadings = indexReadings
    if let upstream { listOwnObjects(of: allObjects, in: &indexes, wholePages: wholePages, upstream: upstream) }
    // One pass over the objects, not one per index; marked afterwards so that the dictionary is not copied.
    let staleIDs = allObjects.keys.filter { id in indexes[id.kind].map { $0.listed[id] == nil } ?? false }
    for id in staleIDs { allObjects[id] = allObjects[id]?.markedStale() }

    // Relations owned by each page, then facts that only derived pages show.
    // Pages are read on all cores in runs of consecutive identifiers, and the runs joined in order: the result is
    // what one reader going through the sorted objects would give.
    // Many short runs rather than one per core: with a cache, an edit re-reads only the run of the page it changed.
    let sortedObjects = allObjects.values.sorted { $0.id < $1.id }
    let runLength = max(64, sortedObjects.count / 64)
    let runs = stride(from: 0, to: sortedObjects.count, by: runLength).map {
      sortedObjects[$0..<min($0 + runLength, sortedObjects.count)]
    }
    let previousRuns = cache?.relationRuns ?? [:]
    let readers = ParallelMap.map(runs) { run -> (reader: RelationReader, pages: [ObjectPage]?) in
      // A run of objects that all have pages, the same page objects as last time, reads the same.
      let pages = run.compactMap(\.page)
      let cacheable = pages.count == run.count
      if cacheable, let first = run.first, let previous = previousRuns[first.id], previous.pages.count == pages.count,
        zip(previous.pages, pages).allSatisfy({ $0 === $1 })
      {
        return (previous.reader, pages)
      }
      var reader = RelationReader(framework: framework)
      for object in run {
        if let page = object.page {
          reader.read(page, id: object.id)
        } else {
          reader.readIndexAttributes(object)
        }
      }
      return (reader, cacheable ? pages : nil)
    }
    if let cache {
      var kept: [DisarmID: PageCache.RelationRun] = [:]
      for (run, result) in zip(runs, readers) {
        if let first = run.first, let pages = result.pages {
          kept[first.id] = .init(pages: pages, reader: result.reader)
        }
      }
      cache.relationRuns = kept
    }
    var reader = RelationReader(concatenating: readers.map(\.reader), framework: framework)
    let objectPages = Set(allObjects.values.compactMap { $0.page.map(ObjectIdentifier.init) })
    reader.readResponseTypes(from: wholePages, pages: pages.filter { objectPages.contains(ObjectIdentifier($0)) })
    Trace.mark("link: relations")

    // Resolved in the reader's own array: a copy taken first would be duplicated by the mutation (copy on write).
    reader.resolveTargets { allObjects[$0] != nil }
    let relations = reader.relations
    return KnowledgeBase(
      framework: framework,
      objects: allObjects, relations: relations, wholePages: wholePages, unassigned: unassigned,
      skippedFiles: skippedFiles, indexes: indexes, readingProblems: problems + reader.problems,
      nameClaims: reader.nameClaims, checkedCodeOffsets: reader.checkedCodeOffsets,
      template: KnowledgeBase.Template.of(objects.values.compactMap(\.page)),
      tacticOrder: FrameworkOrder.tactics(wholePages: wholePages, objects: allObjects, syntax: syntax))
  }

  /// An extension's own objects of a kind it keeps no index of are listed by their pages: upstream's index cannot
  /// list them, and they are not stale for it.
  static func listOwnObjects(
    of objects: [DisarmID: DisarmObject], in indexes: inout [ObjectKind: IndexListing], wholePages: [WholePage],
    upstream: UpstreamPages
  ) {
    var ownIndexes = Set<ObjectKind>()
    for whole in wholePages where !upstream.paths.contains(whole.path) {
      if case .index(let kind) = whole.role { ownIndexes.insert(kind) }
    }
    var added: [ObjectKind: [DisarmID: SourcePosition]] = [:]
    for (id, object) in objects where !ownIndexes.contains(id.kind) {
      guard let path = object.page?.path, !upstream.paths.contains(path), indexes[id.kind]?.listed[id] == nil,
        indexes[id.kind] != nil
      else { continue }
      added[id.kind, default: [:]][id] = SourcePosition(line: 1, column: 1, offset: 0)
    }
    for (kind, listed) in added {
      guard let listing = indexes[kind] else { continue }
      indexes[kind] = IndexListing(
        path: listing.path, kind: kind, listed: listing.listed.merging(listed) { first, _ in first })
    }
  }

  /// One object per page whose file name is an identifier of its folder's kind; the other pages, with the reason.
  /// With a `cache`, a page that is the same page object as at the last link keeps the object it was read as.
  static func assignIdentifiers(_ pages: [ObjectPage], syntax: IdentifierSyntax, cache: PageCache? = nil) -> (
    [DisarmID: DisarmObject], [UnassignedPage]
  ) {
    var previous = cache?.objects ?? [:]
    var fresh: [(path: String, object: DisarmObject)] = []
    var objects: [DisarmID: DisarmObject] = [:]
    var unassigned: [UnassignedPage] = []
    let sortedPages = inPathOrder(pages)
    // Pages with a valid identifier claim it first, so that `T0039 .md` is reported against `T0039.md`.
    var claimed: [DisarmID: String] = [:]
    for page in sortedPages {
      if let id = DisarmID(page.fileStem, in: syntax), id.kind == page.kind, claimed[id] == nil {
        claimed[id] = page.path
      }
    }
    for page in sortedPages {
      guard let id = DisarmID(page.fileStem, in: syntax), id.kind == page.kind else {
        let normalized = DisarmID(caseInsensitive: page.fileStem.trimmingWhitespace(), in: syntax)
        let reason: UnassignedPage.Reason
        if let normalized, normalized.kind == page.kind, let owner = claimed[normalized] {
          reason = .variantSpelling(normalized, definedBy: owner)
        } else if let normalized, normalized.kind != page.kind {
          reason = .wrongFolder(normalized)
        } else {
          reason = .notAnIdentifier
        }
        unassigned.append(UnassignedPage(page: page, reason: reason))
        continue
      }
      if let existing = objects[id] {
        unassigned.append(UnassignedPage(page: page, reason: .duplicate(id, definedBy: existing.file)))
        continue
      }
      if let known = previous[page.path], known.page === page, known.id == id {
        objects[id] = known
      } else {
        let object = DisarmObject(
          id: id, name: page.heading?.name?.trimmed ?? "", summary: page.field("summary")?.value, fields: page.fields,
          file: page.path, line: page.heading?.line.range.start.line ?? 1, page: page)
        objects[id] = object
        if cache != nil { fresh.append((page.path, object)) }
      }
    }
    if let cache {
      // Updated in place (the copy read above released first): an edit changes one object of thousands.
      previous = [:]
      cache.objects.storeFresh(fresh, count: objects.count, keys: { objects.values.map(\.file) })
    }
    return (objects, unassigned)
  }

  /// The pages sorted by path. The loader lists them in that order already, so the check usually saves sorting
  /// every page of the knowledge base (twice).
  static func inPathOrder(_ pages: [ObjectPage]) -> [ObjectPage] {
    for index in pages.indices.dropFirst() where pages[index].path < pages[index - 1].path {
      return pages.sorted { $0.path < $1.path }
    }
    return pages
  }
}
