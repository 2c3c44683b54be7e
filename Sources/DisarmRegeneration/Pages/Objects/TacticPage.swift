import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// A tactic page: owned summary and phase, then the derived Tasks, Techniques and Counters tables.
enum TacticPage {
  static let summary = FieldLabel.colonInside("Summary")

  static func render(_ object: DisarmObject, page: ObjectPage, in kb: KnowledgeBase) -> PageLines {
    var lines = PageLines(stylingLike: page)
    lines.line(HeadingLine.text(object, page: page, in: kb))
    lines.blank()
    lines.field(summary, page.value(of: summary))
    lines.blank()
    lines.field(.colonInside(kb.label("phase", on: page, default: "Belongs to phase")), kb.value("phase", on: page))
    lines.blank(3)
    lines.table(.tasks, TacticTables.taskRows(for: object.id, in: kb), on: page, in: kb)
    lines.blank(3)
    lines.table(.techniques, TacticTables.techniqueRows(for: object.id, in: kb), on: page, in: kb)
    lines.blank(3)
    lines.table(.counters, CountersTable.rows(forTactic: object.id, in: kb), on: page, in: kb)
    lines.blank(2)
    return lines
  }
}
