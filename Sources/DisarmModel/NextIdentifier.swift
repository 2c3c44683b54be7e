import DisarmFramework
import DisarmParser

/// The identifier a new object gets: one never used in this knowledge base. Used means held by a live object, a
/// stale page, a page whose file name is the identifier in another letter case or with spaces (`t0152.md`), a row
/// of an index page, or the register of retired identifiers. A new top-level identifier is the highest used number
/// plus one (gaps may be identifiers retired before the register existed, so they are never filled); a new
/// sub-technique is the parent's highest used sub-number plus one, or the framework's first (`.001`, or `.000` in
/// DISARM 2.0).
extension KnowledgeBase {
  /// Every identifier of `kind` this knowledge base has used.
  public func usedIdentifiers(of kind: ObjectKind) -> Set<DisarmID> {
    var used = Set(objects(of: kind).map(\.id))
    for entry in register.entries where entry.id.kind == kind { used.insert(entry.id) }
    for page in unassignedPages where page.kind == kind {
      if let id = DisarmID(caseInsensitive: page.fileStem.filter { $0 != " " }, in: framework.identifiers) {
        used.insert(id)
      }
    }
    if let index = indexes[kind] { used.formUnion(index.listed.keys) }
    return used
  }

  /// The next identifier of `kind` never used, under `parent` for a sub-technique; nil when the kind's shape has no
  /// room left (all numbers of its digit count used) or has no sub-identifiers.
  public func nextIdentifier(of kind: ObjectKind, parent: DisarmID? = nil) -> DisarmID? {
    let shape = words(kind).id
    let used = usedIdentifiers(of: kind)
    if let parent {
      guard let subDigits = shape.subDigits else { return nil }
      let prefix = parent.string + "."
      let numbers = used.compactMap { id -> Int? in
        id.string.hasPrefix(prefix) ? Int(id.string.dropFirst(prefix.count)) : nil
      }
      let next = (numbers.max() ?? (shape.firstSub - 1)) + 1
      let text = prefix + Self.padded(next, to: subDigits)
      return text.count == prefix.count + subDigits ? id(text) : nil
    }
    let numbers = used.filter { !$0.isSubtechnique }.compactMap { Int($0.string.dropFirst(shape.prefix.count)) }
    let next = (numbers.max() ?? 0) + 1
    let digits = Self.padded(next, to: shape.digits)
    return digits.count <= shape.digits + shape.extraDigits ? id(shape.prefix + digits) : nil
  }

  static func padded(_ number: Int, to width: Int) -> String {
    let text = String(number)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}
