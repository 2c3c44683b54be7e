import DisarmParser

/// Checks that facts agree across pages: sub-technique tactics, counter response types, duplicate rows, tactics
/// without techniques, and objects nothing links to.
enum ConsistencyCheck {
  static func diagnostics(
    objects: [DisarmID: DisarmObject], relations: [Relation], linked: Set<DisarmID>, kindsWithIndex: Set<ObjectKind>
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var tacticOf: [DisarmID: Relation] = [:]
    var responseTypeOf: [DisarmID: DisarmID] = [:]
    var relationTargets = Set<DisarmID>()
    for relation in relations {
      if relation.kind == .tactic, tacticOf[relation.source] == nil { tacticOf[relation.source] = relation }
      if relation.kind == .responseType, responseTypeOf[relation.source] == nil {
        responseTypeOf[relation.source] = relation.target
      }
      if relation.source != relation.target { relationTargets.insert(relation.target) }
    }
    let live = objects.values.filter { !$0.isStale }

    // Sub-techniques sit under their parent's tactic.
    for object in live where object.kind == .technique {
      guard let parent = object.id.parentTechnique, let own = tacticOf[object.id], let parents = tacticOf[parent],
        own.target != parents.target
      else { continue }
      diagnostics.append(
        Rules.subtechniqueTacticMismatch.diagnostic(
          file: own.file, at: own.position, "\(object.id) belongs to \(own.target) but its parent \(parent) belongs to \(parents.target)"))
    }

    // A counter's response type, wherever a Counters table shows it, agrees with the first place read.
    for object in objects.values {
      guard let page = object.page, let table = page.table(firstColumn: "Counters"), table.columns.count > 1 else { continue }
      for row in table.rows {
        guard let stem = row.links.first?.targetFileStem, let counter = DisarmID(stem), let cell = row.cell(1),
          let expected = responseTypeOf[counter], let shown = DisarmID(cell.trimmed), shown != expected
        else { continue }
        diagnostics.append(
          Rules.conflictingFact.diagnostic(
            file: page.path, at: cell.range.start, "response type of \(counter) is \(shown) here but \(expected) elsewhere"))
      }
    }

    // The same object twice in one table.
    for object in objects.values {
      guard let page = object.page else { continue }
      for table in page.tables {
        var seen = Set<String>()
        for row in table.rows {
          guard let stem = row.links.first?.targetFileStem else { continue }
          if !seen.insert(stem).inserted {
            diagnostics.append(
              Rules.duplicateRow.diagnostic(
                file: page.path, at: row.source.range.start, "\(stem) is listed twice in the '\(table.columns.first ?? "")' table"))
          }
        }
      }
    }

    // Tactics no technique uses.
    let usedTactics = Set(live.filter { $0.kind == .technique }.compactMap { tacticOf[$0.id]?.target })
    for tactic in live where tactic.kind == .tactic && !usedTactics.contains(tactic.id) && tactic.page != nil {
      diagnostics.append(
        Rules.unusedTactic.diagnostic(file: tactic.file, line: tactic.line, column: 1, "no technique belongs to \(tactic.id)"))
    }

    // Without an index to list them, objects are found through links from other pages.
    for object in live where object.page != nil && !kindsWithIndex.contains(object.kind) {
      guard !linked.contains(object.id), !relationTargets.contains(object.id) else { continue }
      // Techniques, tasks and counters are reached through their own tactic field.
      if [.technique, .task, .counter].contains(object.kind), tacticOf[object.id] != nil { continue }
      if object.kind == .incident { continue }  // incidents are the roots of the graph
      diagnostics.append(
        Rules.orphanPage.diagnostic(file: object.file, line: object.line, column: 1, "no page links to \(object.id)"))
    }
    return diagnostics
  }
}
