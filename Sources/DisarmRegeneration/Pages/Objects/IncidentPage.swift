import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// An incident page: six owned fields, the owned Reference table (from the 2024-11 generator on), and the owned
/// Technique table (each row's technique identifier and description as read; the link's name derived).
///
/// Two layouts: the older one (no Reference table) follows `Date added` with a line holding one space and a blank
/// line; the newer one follows it with two blank lines, the Reference table, a blank line, a line holding one space
/// and a blank line. The newer layout is written when the page has a Reference table, and always for the 2025
/// template (whose generator always wrote one).
///
/// An incident `disarm import` made from a STIX bundle, a MISP event or a CSV dataset also owns an `Imported from`
/// field after `Date added` (`* **Imported from:** stix:campaign--…`): the identity of the record it came from, by
/// which a later import finds the page again. Pages without it are written as before.
enum IncidentPage {
  static let fields: [FieldLabel] = [
    .colonInside("Summary"), .colonOutside("incident type"), .colonInside("Year started"),
    .colonInside("Countries"), .colonInside("Found via"), .colonInside("Date added"),
  ]

  /// The field that holds an imported incident's source identity (``IncidentSourceIdentity``).
  static let importedFrom = FieldLabel.colonInside(IncidentSourceIdentity.label)

  static func render(
    _ object: DisarmObject, page: ObjectPage, in kb: KnowledgeBase, template: KnowledgeBase.Template,
    keepingPageLayout: Bool = false
  ) -> PageLines {
    var lines = PageLines(stylingLike: page)
    lines.line(HeadingLine.text(object, page: page, in: kb))
    lines.blank()
    for (index, label) in fields.enumerated() {
      lines.field(label, page.value(of: label))
      if index < fields.count - 1 { lines.blank() }
    }
    if let source = page.field(importedFrom.key) {
      lines.blank()
      lines.field(importedFrom, source.value.text)
    }
    let hasReferences = page.table(firstColumn: kb.firstColumn(of: .references)) != nil
    if hasReferences || (template == .generation2025 && !keepingPageLayout) {
      lines.blank(2)
      lines.table(.references, OwnedRows.verbatimRows(of: .references, on: page, in: kb), on: page, in: kb)
      lines.blank()
    }
    lines.line(" ")
    lines.blank()
    lines.table(.incidentTechniques, OwnedRows.rows(of: .incidentTechniques, on: page, in: kb), on: page, in: kb)
    lines.blank(2)
    return lines
  }
}
