import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// A task page: summary and tactic, both owned.
enum TaskPage {
  static let summary = FieldLabel.colonInside("Summary")

  static func render(_ object: DisarmObject, page: ObjectPage, in kb: KnowledgeBase) -> PageLines {
    var lines = PageLines(stylingLike: page)
    lines.line(HeadingLine.text(object, page: page, in: kb))
    lines.blank()
    lines.field(summary, page.value(of: summary))
    lines.blank()
    lines.field(
      .colonInside(kb.label("tactic", on: page, default: "Belongs to tactic stage")), kb.value("tactic", on: page))
    lines.blank()
    return lines
  }
}
