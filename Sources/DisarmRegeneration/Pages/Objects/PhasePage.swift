import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// A phase page: the owned summary only.
enum PhasePage {
  static let summary = FieldLabel.colonInside("Summary")

  /// `# Phase P01: Name`, the summary, one blank line, the notes.
  static func render(_ object: DisarmObject, page: ObjectPage, in kb: KnowledgeBase) -> PageLines {
    var lines = PageLines(stylingLike: page)
    lines.line(HeadingLine.text(object, page: page, in: kb))
    lines.blank()
    lines.field(summary, page.value(of: summary))
    lines.blank()
    return lines
  }
}
