import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// A task page: summary and tactic, both owned.
enum TaskPage {
  static let summary = FieldLabel.colonInside("Summary")
  static let tactic = FieldLabel.colonInside("Belongs to tactic stage")

  static func render(_ object: DisarmObject, page: ObjectPage, in kb: KnowledgeBase) -> PageLines {
    var lines = PageLines()
    lines.line(HeadingLine.text(object, page: page, in: kb))
    lines.blank()
    lines.field(summary, page.value(of: summary))
    lines.blank()
    lines.field(tactic, page.value(of: tactic))
    lines.blank()
    return lines
  }
}
