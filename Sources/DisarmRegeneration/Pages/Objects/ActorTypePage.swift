import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// An actor-type page: owned summary, sector and viewpoint, then the derived Counters table.
enum ActorTypePage {
  static let summary = FieldLabel.colonInside("Summary")
  static let sector = FieldLabel.colonInside("Sector")
  static let viewpoint = FieldLabel.colonInside("Viewpoint")

  static func render(_ object: DisarmObject, page: ObjectPage, in kb: KnowledgeBase) -> PageLines {
    var lines = PageLines(stylingLike: page)
    lines.line(HeadingLine.text(object, page: page, in: kb))
    lines.blank()
    for label in [summary, sector, viewpoint] {
      lines.field(label, page.value(of: label))
      lines.blank()
    }
    lines.blank()
    lines.table(.counters, CountersTable.rows(forActorType: object.id, in: kb), on: page, in: kb)
    lines.blank(2)
    return lines
  }
}
