import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// A metatechnique page: owned summary, then the derived Counters table, followed by three blank lines (one more
/// than other pages: the generator's template has it).
enum MetatechniquePage {
  static let summary = FieldLabel.colonInside("Summary")

  static func render(_ object: DisarmObject, page: ObjectPage, in kb: KnowledgeBase) -> PageLines {
    var lines = PageLines(stylingLike: page)
    lines.line(HeadingLine.text(object, page: page, in: kb))
    lines.blank()
    lines.field(summary, page.value(of: summary))
    lines.blank(2)
    lines.table(.counters, CountersTable.rows(forMetatechnique: object.id, in: kb), on: page, in: kb)
    lines.blank(3)
    return lines
  }
}
