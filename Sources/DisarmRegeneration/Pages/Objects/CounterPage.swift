import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// A counter page: five owned fields and four owned tables (actor types with sectors, tactics, techniques,
/// incidents), the link names in the tables derived from the targets' headings.
enum CounterPage {
  static let fields: [FieldLabel] = [
    .colonOutside("Summary"), .colonOutside("Playbooks"), .colonOutside("Metatechnique"),
    .colonInside("Resources needed"), .colonOutside("Belongs to tactic stage"),
  ]
  static let tables: [TableKind] = [.actorTypes, .countersTactics, .countersTechniques, .seenInIncidents]

  static func render(_ object: DisarmObject, page: ObjectPage, in kb: KnowledgeBase) -> PageLines {
    var lines = PageLines(stylingLike: page)
    lines.line(HeadingLine.text(object, page: page, in: kb))
    lines.blank()
    for label in fields {
      lines.field(label, page.value(of: label))
      lines.blank()
    }
    lines.blank()
    for (index, table) in tables.enumerated() {
      lines.table(table, OwnedRows.rows(of: table, on: page, in: kb), on: page, in: kb)
      lines.blank(index < tables.count - 1 ? 3 : 2)
    }
    return lines
  }
}
