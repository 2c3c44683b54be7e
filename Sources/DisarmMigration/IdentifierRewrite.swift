/// What one written identifier becomes, the same for every format: the code to write, the name to write (when the
/// file writes the name), and the item the report lists. Formats differ only in where codes and names are.
struct IdentifierRewrite {
  /// The code to write instead, nil to keep it.
  var code: String?
  /// The name to write instead, nil to keep it (or when the file writes none).
  var name: String?
  /// The tactic the object is under in the new release, for formats that write one.
  var target: ReleaseMapping.Target?
  /// The report's item, nil when nothing changed.
  var item: MigrationItem?

  /// The rewrite of `code` (as written in `file` at `place`), whose written name is `writtenName` when there is one.
  init?(code: String, writtenName: String?, mapping: ReleaseMapping, file: String, place: String) {
    guard let (id, outcome) = mapping.outcome(of: code) else { return nil }
    switch outcome {
    case .kept(let target, let renamedFrom):
      self.target = target
      // A rename is listed wherever the identifier is, so that the report's counts are `disarm diff`'s; the name is
      // rewritten only where the file writes the old one.
      if let renamedFrom {
        let written = writtenName != nil && writtenName != target.name
        if written { name = target.name }
        item = MigrationItem(
          file: file, place: place, change: .renamed, old: code, new: target.id.string,
          detail: "'\(renamedFrom)' is now '\(target.name)'" + (written ? "" : " (the name is not written here)"))
      }
    case .replaced(let target, let reason):
      self.target = target
      self.code = target.id.string
      if writtenName != nil { name = target.name }
      let was = mapping.oldName(of: id).map { " \($0)" } ?? ""
      item = MigrationItem(
        file: file, place: place, change: .replaced, old: code, new: target.id.string,
        detail: "\(id)\(was) is retired; replaced by \(target.id) \(target.name)" + (reason.map { " (\($0))" } ?? ""))
    case .review(let why):
      let was = mapping.oldName(of: id).map { " \($0)" } ?? ""
      item = MigrationItem(
        file: file, place: place, change: .review, old: code, new: nil, detail: "\(id)\(was): \(why)")
    }
  }
}
