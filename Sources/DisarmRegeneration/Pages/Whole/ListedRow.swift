import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser

/// One row of a derived page, with the facts the whole pages show, each read from its owner: an object's page
/// (heading name, full Summary, fields, the relations it owns), the index row of an object that has no page
/// (response types, detections), or an unassigned page that an existing index still lists.
public struct ListedRow: Sendable {
  /// The identifier as written in links and cells: the object's identifier, or the unassigned page's file name.
  public var idText: String
  public var id: DisarmID?
  /// The name exactly as the owner writes it (heading text after `: `, trailing spaces kept).
  public var name: String
  /// The Summary field's exact value, or the index cell of a page-less object.
  public var summary: String
  public var page: ObjectPage?
  /// The existing index row's cells, by column header (page-less objects and index-only columns).
  public var indexCells: [String: HTMLTableCell]

  public init(_ entry: KnowledgeBase.ListedEntry, indexRows: [DisarmID: [String: HTMLTableCell]]) {
    switch entry {
    case .object(let object):
      idText = object.id.string
      id = object.id
      page = object.page
      indexCells = indexRows[object.id] ?? [:]
      if let page = object.page {
        name = page.heading?.name?.text ?? object.name
        summary = page.field("summary")?.value.text ?? ""
      } else {
        name = indexCells["name"]?.source.text ?? object.name
        summary = indexCells["summary"]?.source.text ?? object.summary?.text ?? ""
      }
    case .unassignedPage(let page):
      idText = page.fileStem
      id = nil
      self.page = page
      indexCells = [:]
      name = page.heading?.name?.text ?? ""
      summary = page.field("summary")?.value.text ?? ""
    }
  }

  /// The exact value of the page's first field with one of `keys` (a value runs over following paragraphs until
  /// the next field, table or the notes marker), or the empty string.
  public func field(_ keys: String...) -> String {
    page?.fields.first { keys.contains($0.key) }?.value.text ?? ""
  }

  /// The object this row's page names in the field with one of `keys` (`Belongs to tactic stage` → `TA07`): the
  /// model's relation for objects, the field's leading identifier for unassigned pages.
  func target(_ relation: RelationKind, in kb: KnowledgeBase, kind: ObjectKind, field keys: String...) -> DisarmID? {
    if let id { return kb.outgoing(id, relation).first?.target }
    guard let page, let field = page.fields.first(where: { keys.contains($0.key) }),
      let (target, _) = kb.leadingID(in: field.value.text), target.kind == kind
    else { return nil }
    return target
  }

  /// The row's tactic (techniques, tasks, counters).
  func tactic(in kb: KnowledgeBase) -> DisarmID? {
    target(.tactic, in: kb, kind: .tactic, field: "belongs to tactic stage", "tactic")
  }

  /// The rows of `kind`'s listing (see ``KnowledgeBase/listing(of:)``).
  public static func rows(of kind: ObjectKind, in kb: KnowledgeBase) -> [ListedRow] {
    let indexRows = kb.indexRows(of: kind)
    return kb.listing(of: kind).map { ListedRow($0, indexRows: indexRows) }
  }
}

extension KnowledgeBase {
  /// The name of `id` as its owner writes it (heading text, trailing spaces kept), or nil when the model lacks it.
  func writtenName(of id: DisarmID) -> String? {
    self[id]?.writtenName
  }
}
