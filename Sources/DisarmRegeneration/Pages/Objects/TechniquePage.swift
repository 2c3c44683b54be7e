import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// A technique page, in either template generation.
///
/// 2022 (to 2024-11): `* **Summary**:`, `* **Belongs to tactic stage**: TA07`, then the Incident and Counters
/// tables. 2025: `**Summary**:`, `**Tactic**: TA07 Name <br><br>**Parent Technique:** T0151 Name` (the parent part
/// only for sub-techniques; a top-level technique's line ends with a space after the tactic name), then the
/// Associated Technique, Incident and Counters tables. Summary, the tactic's identifier and the associated
/// techniques are owned; the tactic and parent names and both other tables are derived.
enum TechniquePage {
  static let summary2022 = FieldLabel.colonOutside("Summary")
  static let summary2025 = FieldLabel.plain("Summary")

  static func render(_ object: DisarmObject, page: ObjectPage, in kb: KnowledgeBase, template: KnowledgeBase.Template)
    -> PageLines
  {
    // A page moved to the other generation takes that generation's labels; otherwise its own way of writing each
    // field is kept.
    let ownGeneration = Self.layout(of: page, in: kb).map { $0 == template } ?? true
    var lines = PageLines(stylingLike: ownGeneration ? page : nil)
    lines.line(HeadingLine.text(object, page: page, in: kb))
    lines.blank()
    let summary = page.value(of: summary2022)
    let tacticID = FieldValue.leadingCode(kb.value("tactic", on: page))
    if template == .generation2025 {
      lines.field(summary2025, summary)
      lines.blank()
      lines.line(tacticLine2025(object, page: page, tacticID: tacticID, in: kb))
      lines.blank(2)
      lines.table(.associatedTechniques, OwnedRows.rows(of: .associatedTechniques, on: page, in: kb), on: page, in: kb)
      lines.blank(3)
    } else {
      lines.field(summary2022, summary)
      lines.blank()
      let label = kb.label(
        "tactic", on: page, default: "Belongs to tactic stage", keepingPageLabel: page.template == .bulleted2022)
      lines.field(.colonOutside(label), tacticID)
      lines.blank(2)
    }
    lines.table(.incidents, IncidentsTable.rows(for: object.id, in: kb), on: page, in: kb)
    lines.blank(3)
    lines.table(.counters, CountersTable.rows(forTechnique: object.id, in: kb), on: page, in: kb)
    lines.blank(2)
    return lines
  }

  /// The layout `page` was written in, told from its structure rather than its punctuation: the 2025 layout has an
  /// Associated Technique table and names the tactic after its identifier; the 2022 layout has bulleted fields or
  /// a tactic field holding the identifier alone. Nil when the page shows neither.
  static func layout(of page: ObjectPage, in kb: KnowledgeBase) -> KnowledgeBase.Template? {
    if page.table(firstColumn: kb.firstColumn(of: .associatedTechniques)) != nil { return .generation2025 }
    if page.template == .bulleted2022 { return .generation2022 }
    guard let tactic = kb.field("tactic", on: page) else { return nil }
    let rest = kb.leadingID(in: tactic.value.text)?.rest ?? ""
    return rest.trimmingWhitespace().isEmpty && tactic.separator == nil ? .generation2022 : .generation2025
  }

  /// `**Tactic**: TA07 Name <br><br>**Parent Technique:** T0151 Name`, or `**Tactic**: TA07 Name ` for a top-level
  /// technique.
  static func tacticLine2025(_ object: DisarmObject, page: ObjectPage, tacticID: String, in kb: KnowledgeBase)
    -> String
  {
    let written = kb.field("tactic", on: page).flatMap { kb.leadingID(in: $0.value.text)?.rest }
    let tacticName = kb.id(tacticID).map { ObjectLink.name(of: $0, in: kb, fallback: written) } ?? (written ?? "")
    let tacticLabel = FieldLabel.plain(
      kb.label("tactic", on: page, default: "Tactic", keepingPageLabel: page.template == .plain2025))
    var line = tacticLabel.prefix + tacticID + " " + tacticName + " "
    if let parent = object.id.parentTechnique {
      let writtenParent = kb.field("parent", on: page).flatMap { kb.leadingID(in: $0.value.text)?.rest }
      line +=
        "<br><br>**\(kb.label("parent", on: page, default: "Parent Technique")):** \(parent) "
        + ObjectLink.name(of: parent, in: kb, fallback: writtenParent)
    }
    return line
  }
}
