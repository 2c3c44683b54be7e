import DisarmModel
import DisarmParser

/// Pages of the kinds whose layout both template generations share: phase, task, actor type and metatechnique.
enum PhasePage {
  static let summary = FieldLabel.colonInside("Summary")

  /// `# Phase P01: Name`, the summary, one blank line, the notes.
  static func render(_ object: DisarmObject, page: ObjectPage) -> PageLines {
    var lines = PageLines()
    lines.line(HeadingLine.text(object, page: page))
    lines.blank()
    lines.field(summary, page.value(of: summary))
    lines.blank()
    return lines
  }
}

/// A task page: summary and tactic, both owned.
enum TaskPage {
  static let summary = FieldLabel.colonInside("Summary")
  static let tactic = FieldLabel.colonInside("Belongs to tactic stage")

  static func render(_ object: DisarmObject, page: ObjectPage) -> PageLines {
    var lines = PageLines()
    lines.line(HeadingLine.text(object, page: page))
    lines.blank()
    lines.field(summary, page.value(of: summary))
    lines.blank()
    lines.field(tactic, page.value(of: tactic))
    lines.blank()
    return lines
  }
}

/// An actor-type page: owned summary, sector and viewpoint, then the derived Counters table.
enum ActorTypePage {
  static let summary = FieldLabel.colonInside("Summary")
  static let sector = FieldLabel.colonInside("Sector")
  static let viewpoint = FieldLabel.colonInside("Viewpoint")

  static func render(_ object: DisarmObject, page: ObjectPage, in kb: KnowledgeBase) -> PageLines {
    var lines = PageLines()
    lines.line(HeadingLine.text(object, page: page))
    lines.blank()
    for label in [summary, sector, viewpoint] {
      lines.field(label, page.value(of: label))
      lines.blank()
    }
    lines.blank()
    lines.table(.counters, CountersTable.rows(forActorType: object.id, in: kb))
    lines.blank(2)
    return lines
  }
}

/// A metatechnique page: owned summary, then the derived Counters table, followed by three blank lines (one more
/// than other pages: the generator's template has it).
enum MetatechniquePage {
  static let summary = FieldLabel.colonInside("Summary")

  static func render(_ object: DisarmObject, page: ObjectPage, in kb: KnowledgeBase) -> PageLines {
    var lines = PageLines()
    lines.line(HeadingLine.text(object, page: page))
    lines.blank()
    lines.field(summary, page.value(of: summary))
    lines.blank(2)
    lines.table(.counters, CountersTable.rows(forMetatechnique: object.id, in: kb))
    lines.blank(3)
    return lines
  }
}
