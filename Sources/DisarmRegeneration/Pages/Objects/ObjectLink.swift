import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// The links object pages' tables hold, `[T0151.004 Chat Platform](../../generated_pages/techniques/T0151.004.md)`.
/// The identifier is the fact; the name in the link text is derived from the target's page heading.
public enum ObjectLink {
  /// The markdown link to `id`, named from the knowledge base (see ``name(of:in:fallback:)``), written in the
  /// framework's link style (`../../generated_pages/techniques/T0001.md` in DISARM, `../techniques/T0001.md` in
  /// AMITT).
  static func markdown(_ id: DisarmID, in kb: KnowledgeBase, fallback: String? = nil) -> String {
    let folder = kb.words(id.kind).folder ?? id.kind.rawValue
    return "[\(id) \(name(of: id, in: kb, fallback: fallback))](\(kb.framework.linkPrefix)\(folder)/\(id).md)"
  }

  /// The name written after `id` in link texts: the target page's heading name exactly as written (the generator
  /// copied the spreadsheet's name cell, trailing spaces included), else the index row's name cell for objects
  /// that live only in an index, else `fallback` (the name the linking page wrote) for targets that do not exist.
  static func name(of id: DisarmID, in kb: KnowledgeBase, fallback: String? = nil) -> String {
    if let object = kb[id] { return object.writtenName }
    return fallback ?? ""
  }

  /// The identifier a table row links to (its first link's file name), with the name the row's link text gives.
  static func target(of row: TableRow, in kb: KnowledgeBase) -> (id: DisarmID, writtenName: String)? {
    guard let link = row.links.first, let stem = link.targetFileStem, let id = kb.id(stem) else { return nil }
    let text = link.text.text
    let written = text.hasPrefix(stem + " ") ? String(text.dropFirst(stem.count + 1)) : text
    return (id, written)
  }
}
