import DisarmDiagnostics
import DisarmFramework
import DisarmParser

/// A place where a page writes another object's name next to its identifier (`TA07 Select Channels…`,
/// `[T0151.004 Chat Platform](…)`), to be compared with that object's heading.
public struct NameClaim: Sendable {
  /// The object whose name the page gives.
  public var target: DisarmID
  /// The name as written after the identifier, trimmed, to compare with the target's heading.
  public var written: String
  /// The page making the claim, relative to the page folder.
  public var file: String
  /// The start of the field value, or of the index row, that holds the claim.
  public var position: SourcePosition
}

/// Reads the relations each page owns (see docs/OWNERSHIP.md): a technique its tactic and parent, an incident its
/// technique rows, a counter its tactic, metatechnique, actor types and technique rows, and so on.
struct RelationReader: Sendable {
  /// The framework whose field labels and table headers carry the relations.
  let framework: FrameworkDescription
  /// How the framework's identifiers look.
  var syntax: IdentifierSyntax { framework.identifiers }
  private(set) var relations: [Relation] = []
  private(set) var nameClaims: [NameClaim] = []
  private(set) var problems: [ReadingProblem] = []
  /// Byte offsets of codes already checked as fields that make no relation (`Parent Technique`), so that the prose
  /// reference check does not report them a second time.
  private(set) var checkedCodeOffsets: [String: Set<Int>] = [:]

  /// Readers of consecutive runs of objects, one after the other: what one reader reading them all would hold.
  init(concatenating readers: [RelationReader], framework: FrameworkDescription) {
    self.framework = framework
    relations.reserveCapacity(readers.reduce(0) { $0 + $1.relations.count })
    for reader in readers {
      relations += reader.relations
      nameClaims += reader.nameClaims
      problems += reader.problems
      checkedCodeOffsets.merge(reader.checkedCodeOffsets) { $0.union($1) }
    }
  }

  init(framework: FrameworkDescription) { self.framework = framework }

  /// The lower-cased labels of the field carrying `relation`.
  private func keys(_ relation: String) -> [String] { framework.fieldKeys(relation) }

  /// The first-column header of the table carrying `relation`, if the framework has one.
  private func header(_ relation: String) -> String? { framework.tableHeaders[relation] }

  /// Marks each relation resolved or not, by whether `exists` says its target is an object.
  mutating func resolveTargets(_ exists: (DisarmID) -> Bool) {
    for index in relations.indices { relations[index].isResolved = exists(relations[index].target) }
  }

  mutating func read(_ page: ObjectPage, id: DisarmID) {
    switch id.kind {
    case .technique:
      readField(page, id: id, relation: "tactic", as: .tactic, targetKind: .tactic, required: true)
      if let parent = id.parentTechnique {
        let position = page.heading?.identifier?.range.start ?? SourcePosition(line: 1, column: 1, offset: 0)
        add(.parent, from: id, to: parent, file: page.path, at: position)
      }
      if let field = page.fields.first(where: { keys("parent").contains($0.key) }) {
        checkParentField(field, page: page, id: id)
      }
      readTable(page, id: id, firstColumn: header("associated"), as: .associatedTechnique, describedBy: 1)
    case .tactic:
      readField(page, id: id, relation: "phase", as: .phase, targetKind: .phase, required: true)
    case .task:
      readField(page, id: id, relation: "tactic", as: .tactic, targetKind: .tactic, required: true)
    case .incident:
      readTable(page, id: id, firstColumn: header("techniques-used"), as: .usesTechnique, describedBy: 1)
    case .counter:
      readField(page, id: id, relation: "tactic", as: .tactic, targetKind: .tactic, required: false)
      readField(
        page, id: id, relation: "metatechnique", as: .metatechnique, targetKind: .metatechnique, required: false)
      readTable(page, id: id, firstColumn: header("actor-types"), as: .actorType, describedBy: 1)
      readTable(page, id: id, firstColumn: header("counters-tactics"), as: .countersTactic, describedBy: nil)
      readTable(page, id: id, firstColumn: header("counters-techniques"), as: .countersTechnique, describedBy: nil)
      readTable(page, id: id, firstColumn: header("seen-in-incidents"), as: .seenInIncident, describedBy: nil)
    case .phase, .actorType, .metatechnique, .responseType, .detection:
      break
    }
  }

  /// Objects defined by an index row carry their relations as its columns: a detection its tactic, metatechnique and
  /// response type, an object listed without a page its tactic (`tactic_id`).
  mutating func readIndexAttributes(_ object: DisarmObject) {
    let position = SourcePosition(line: object.line, column: 1, offset: 0)
    // A sub-technique its index lists without a page has its parent in its identifier, as one with a page does.
    if object.kind == .technique, let parent = object.id.parentTechnique {
      add(.parent, from: object.id, to: parent, file: object.file, at: position, origin: .index)
    }
    for (key, value) in object.attributes {
      let kind: RelationKind? =
        switch key {
        case "tactic", "tactic_id": .tactic
        case "metatechnique": .metatechnique
        case "responsetype": .responseType
        default: nil
        }
      if let kind, let (target, rest) = DisarmID.leading(in: value, syntax: syntax) {
        add(kind, from: object.id, to: target, file: object.file, at: position, origin: .index)
        if !rest.isEmpty {
          nameClaims.append(NameClaim(target: target, written: rest, file: object.file, position: position))
        }
      }
    }
  }

  /// A counter's response type appears only in derived places: the counters index, else the `Counters | Response
  /// types` tables of technique, tactic, actor-type and metatechnique pages. The first place read wins.
  /// `pages` must be in path order: the first page to give a counter's response type wins.
  mutating func readResponseTypes(from wholePages: [WholePage], pages: [ObjectPage]) {
    var seen = Set<DisarmID>()
    for whole in wholePages {
      guard case .index(.counter) = whole.role else { continue }
      let header = whole.table.rows.first(where: \.isHeader)?.cells.map(\.text) ?? []
      guard let column = header.firstIndex(of: "responsetype") else { continue }
      for row in whole.table.rows where !row.isHeader && column < row.cells.count {
        guard let counter = row.cells.first.flatMap({ DisarmID($0.text, in: syntax) }),
          let type = DisarmID(row.cells[column].text, in: syntax),
          !seen.contains(counter)
        else { continue }
        seen.insert(counter)
        add(
          .responseType, from: counter, to: type, file: whole.path, at: row.cells[column].source.range.start,
          origin: .index)
      }
    }
    for page in pages {
      guard let table = page.table(firstColumn: header("counters") ?? "Counters"), table.columns.count > 1 else {
        continue
      }
      for row in table.rows {
        guard let counter = target(of: row), counter.kind == .counter, !seen.contains(counter),
          let cell = row.cell(1), let type = DisarmID(cell.trimmed, in: syntax)
        else { continue }
        seen.insert(counter)
        add(.responseType, from: counter, to: type, file: page.path, at: cell.range.start, origin: .tableRow)
      }
    }
  }

  // MARK: - Fields and tables

  private mutating func readField(
    _ page: ObjectPage, id: DisarmID, relation: String, as kind: RelationKind, targetKind: ObjectKind, required: Bool
  ) {
    let keys = keys(relation)
    // A framework without such a field (AMITT 2019 has no parent field) has nothing to read or to miss.
    guard let label = framework.fieldLabels[relation]?.first, !keys.isEmpty else { return }
    guard let field = page.fields.first(where: { keys.contains($0.key) }) else {
      if required {
        problems.append(
          ReadingProblem(
            .missingField(object: id, label: label), file: page.path,
            line: page.heading?.line.range.start.line ?? 1, column: 1))
      }
      return
    }
    let value = field.value.trimmed
    if value.isEmpty, !required { return }
    guard let (target, rest) = DisarmID.leading(in: value, syntax: syntax), target.kind == targetKind else {
      problems.append(
        ReadingProblem(
          .fieldNotAnID(label: field.label, expected: targetKind, value: value), file: page.path,
          range: field.value.range))
      return
    }
    add(kind, from: id, to: target, file: page.path, at: field.value.range.start)
    // A field may list several targets: `M009 - Dilution, M008 - Data Pollution`.
    // Split by characters only when a comma is there at all: splitting reads the whole rest character by character.
    var restBytes = rest
    let hasComma = restBytes.withUTF8 { $0.contains(UInt8(ascii: ",")) }
    let parts = hasComma ? rest.split(separator: ",", omittingEmptySubsequences: false) : [rest[...]]
    var name = ""
    for part in parts {
      if let (next, nextRest) = DisarmID.leading(in: String(part), syntax: syntax), next.kind == targetKind {
        add(kind, from: id, to: next, file: page.path, at: field.value.range.start)
        nameClaims.append(
          NameClaim(target: next, written: nextRest, file: page.path, position: field.value.range.start))
      } else {
        name += name.isEmpty && part == parts.first ? String(part) : "," + part
      }
    }
    if !name.trimmingWhitespace().isEmpty {
      nameClaims.append(
        NameClaim(
          target: target, written: name.trimmingWhitespace(), file: page.path, position: field.value.range.start))
    }
  }

  private mutating func checkParentField(_ field: Field, page: ObjectPage, id: DisarmID) {
    let value = field.value.trimmed
    checkedCodeOffsets[page.path, default: []].insert(field.value.range.start.offset)
    guard let (written, rest) = DisarmID.leading(in: value, syntax: syntax) else {
      if !value.isEmpty {
        problems.append(ReadingProblem(.parentNotAnID, file: page.path, range: field.value.range))
      }
      return
    }
    if written != id.parentTechnique {
      problems.append(
        ReadingProblem(.parentMismatch(written: written, object: id), file: page.path, range: field.value.range))
    }
    if !rest.isEmpty {
      nameClaims.append(NameClaim(target: written, written: rest, file: page.path, position: field.value.range.start))
    }
  }

  private mutating func readTable(
    _ page: ObjectPage, id: DisarmID, firstColumn: String?, as kind: RelationKind, describedBy column: Int?
  ) {
    guard let firstColumn, let table = page.table(firstColumn: firstColumn) else { return }
    for row in table.rows {
      guard let target = target(of: row) else {
        problems.append(ReadingProblem(.rowWithoutID(table: firstColumn), file: page.path, range: row.source.range))
        continue
      }
      let description = column.flatMap { row.source(fromCell: $0) }
      add(
        kind, from: id, to: target, description: description, file: page.path, at: row.source.range.start,
        origin: .tableRow)
    }
  }

  /// The identifier a table row points at: its first link's file name, else the identifier starting its first cell.
  private func target(of row: TableRow) -> DisarmID? {
    if let link = row.links.first, let stem = link.targetFileStem, let id = DisarmID(stem, in: syntax) { return id }
    return row.cell(0).flatMap {
      DisarmID.leading(in: $0.text.hasPrefix("[") ? String($0.text.dropFirst()) : $0.text, syntax: syntax)?.id
    }
  }

  private mutating func add(
    _ kind: RelationKind, from source: DisarmID, to target: DisarmID, description: SourceText? = nil, file: String,
    at position: SourcePosition, origin: Relation.Origin = .field
  ) {
    relations.append(
      Relation(
        kind: kind, source: source, target: target, descriptionSource: description, file: file, position: position,
        isResolved: false, origin: origin))
  }
}

extension String {
  /// The string with its first character upper-cased.
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
