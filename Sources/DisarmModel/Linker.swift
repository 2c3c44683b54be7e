import DisarmParser

/// Turns parsed pages into the linked ``KnowledgeBase``: assigns identifiers, reads each kind's owned facts into
/// relations, takes objects that live only in index pages from there, and resolves every link and reference.
enum Linker {
  /// Links the pages. With `checks` false the cross-page checks (resolution, links, content, consistency) are
  /// skipped: what `show`, `list` and `search` need, which print no diagnostics.
  static func link(
    pages: [ObjectPage], wholePages: [WholePage], diagnostics initial: [Diagnostic], checks: Bool = true
  ) -> KnowledgeBase {
    var diagnostics = initial
    for page in pages { diagnostics += page.diagnostics }
    for page in wholePages { diagnostics += page.diagnostics }

    // 1. Identifiers: one object per page whose file name is an identifier of its folder's kind.
    var objects: [DisarmID: DisarmObject] = [:]
    var unassigned: [ObjectPage] = []
    let sortedPages = pages.sorted { $0.path < $1.path }
    // Pages with a valid identifier claim it first, so that `T0039 .md` is reported against `T0039.md`.
    var claimed: [DisarmID: String] = [:]
    for page in sortedPages {
      if let id = DisarmID(page.fileStem), id.kind == page.kind, claimed[id] == nil { claimed[id] = page.path }
    }
    for page in sortedPages {
      guard let id = DisarmID(page.fileStem), id.kind == page.kind else {
        let normalized = DisarmID(caseInsensitive: page.fileStem.trimmingWhitespace())
        if let normalized, normalized.kind == page.kind, let owner = claimed[normalized] {
          diagnostics.append(
            Rules.duplicateID.diagnostic(
              file: page.path,
              "file name '\(page.fileStem).md' is \(normalized) written with other case or spaces, which \(owner) defines; page skipped"))
        } else if let normalized, normalized.kind != page.kind {
          diagnostics.append(
            Rules.wrongFolder.diagnostic(
              file: page.path,
              "\(normalized) is \(normalized.kind.withArticle) identifier but the page is in \(page.kind.folder)/; move it to \(normalized.kind.folder)/"))
        } else {
          diagnostics.append(
            Rules.fileNameNotID.diagnostic(
              file: page.path,
              "file name '\(page.fileStem).md' is not \(page.kind.withArticle) identifier (like \(example(page.kind)).md); page skipped"))
        }
        unassigned.append(page)
        continue
      }
      if let existing = objects[id] {
        diagnostics.append(
          Rules.duplicateID.diagnostic(
            file: page.path, line: 1, column: 1, "\(id) is already defined by \(existing.file); this page is skipped"))
        unassigned.append(page)
        continue
      }
      diagnostics += HeadingCheck.diagnostics(page: page, id: id)
      let summary = page.field("summary")?.value
      objects[id] = DisarmObject(
        id: id, name: page.heading?.name?.trimmed ?? "", summary: summary, fields: page.fields, file: page.path,
        line: page.heading?.line.range.start.line ?? 1, page: page)
    }

    // 2. Objects that live only in index pages.
    for whole in wholePages {
      guard case .index(let kind) = whole.role, !kind.hasPages else { continue }
      for object in IndexReader.objects(of: kind, in: whole, diagnostics: &diagnostics) where objects[object.id] == nil {
        objects[object.id] = object
      }
    }

    // 3. Stale pages: a kind with an index lists exactly the objects of its release.
    for whole in wholePages {
      guard case .index(let kind) = whole.role, kind.hasPages else { continue }
      let listed = IndexReader.listedIDs(in: whole)
      for (id, object) in objects where id.kind == kind && listed[id] == nil {
        objects[id]?.isStale = true
        diagnostics.append(
          Rules.stalePage.diagnostic(
            file: object.file, line: 1, column: 1,
            "\(id) is not listed in \(whole.path): a stale page of an object dropped from the framework"))
      }
      for (id, position) in listed where objects[id] == nil {
        diagnostics.append(
          Rules.missingPage.diagnostic(file: whole.path, at: position, "\(whole.path) lists \(id), which has no page"))
      }
    }

    // 4. Relations owned by each page, then facts that only derived pages show.
    var reader = RelationReader()
    for id in objects.keys.sorted() {
      guard let object = objects[id] else { continue }
      if let page = object.page {
        reader.read(page, id: id)
      } else {
        reader.readIndexAttributes(object)
      }
    }
    reader.readResponseTypes(from: wholePages, pages: objects.values.compactMap(\.page))

    Trace.mark("link: relations")
    // 5. Resolution.
    var relations = reader.relations
    for index in relations.indices {
      relations[index].isResolved = objects[relations[index].target] != nil
    }
    diagnostics += reader.diagnostics
    if checks {
      diagnostics += crossPageChecks(
        relations: relations, reader: reader, objects: objects, wholePages: wholePages)
    }

    let template = TemplateCheck.template(of: objects.values.compactMap(\.page), diagnostics: &diagnostics)
    return KnowledgeBase(
      objects: objects, relations: relations, wholePages: wholePages,
      unassignedPages: unassigned, template: template,
      tacticOrder: FrameworkOrder.tactics(wholePages: wholePages, objects: objects), diagnostics: diagnostics)
  }

  /// Resolution of relations and prose references, link, content and consistency checks.
  static func crossPageChecks(
    relations: [Relation], reader: RelationReader, objects: [DisarmID: DisarmObject], wholePages: [WholePage]
  ) -> [Diagnostic] {
    var diagnostics = ResolutionCheck.diagnostics(relations: relations, claims: reader.nameClaims, objects: objects)
    var relationStartsByFile: [String: Set<Int>] = [:]
    for relation in relations { relationStartsByFile[relation.file, default: []].insert(relation.position.offset) }
    for (file, offsets) in reader.checkedCodeOffsets { relationStartsByFile[file, default: []].formUnion(offsets) }
    for object in objects.values {
      guard let page = object.page else { continue }
      let resolved = page.references.map { reference -> ResolvedReference in
        let target = DisarmID(reference.code.text)
        return ResolvedReference(reference: reference, id: target, isResolved: target.map { objects[$0] != nil } ?? false)
      }
      // A code that starts a relation field (`**Tactic**: TA07 …`) is already checked as that relation.
      let relationStarts = relationStartsByFile[page.path] ?? []
      diagnostics += ResolutionCheck.diagnostics(
        references: resolved.filter { !relationStarts.contains($0.reference.code.offsets.lowerBound) }, file: page.path,
        objects: objects)
    }

    Trace.mark("link: resolution")
    let links = LinkCheck.diagnostics(objects: objects)
    diagnostics += links.diagnostics
    diagnostics += ContentCheck.diagnostics(objects: objects)
    var kindsWithIndex = Set<ObjectKind>()
    for whole in wholePages { if case .index(let kind) = whole.role { kindsWithIndex.insert(kind) } }
    diagnostics += ConsistencyCheck.diagnostics(
      objects: objects, relations: relations, linked: links.linked, kindsWithIndex: kindsWithIndex)

    Trace.mark("link: checks")
    return diagnostics
  }

  static func example(_ kind: ObjectKind) -> String {
    let (prefix, digits) = kind.idSyntax
    return prefix + String(repeating: "0", count: digits - 1) + "1"
  }
}
