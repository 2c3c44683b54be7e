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

  /// The rewrite of `code` (as written in `file` at `place`), whose written name is `writtenName` when the file
  /// writes one beside it. A rename is listed where the file writes the old name (which is rewritten), and where it
  /// writes none when `listsUnwrittenRenames` (a layer, so that its report counts what `disarm diff` counts); a file
  /// that writes the new name is already migrated, and a name of the file's own is kept.
  init?(
    code: String, writtenName: String?, mapping: ReleaseMapping, file: String, place: String,
    listsUnwrittenRenames: Bool = false
  ) {
    guard let (id, outcome) = mapping.outcome(of: code) else { return nil }
    let oldName = mapping.oldName(of: id)
    switch outcome {
    case .kept(let target, let renamedFrom):
      self.target = target
      guard let renamedFrom, writtenName != target.name else { break }
      var detail = "'\(renamedFrom)' is now '\(target.name)'"
      if let writtenName {
        if writtenName == renamedFrom || writtenName == oldName {
          name = target.name
        } else {
          detail += " (the file's own name '\(writtenName)' is kept)"
        }
      } else {
        guard listsUnwrittenRenames else { break }
        detail += " (the name is not written here)"
      }
      item = MigrationItem(
        file: file, place: place, change: .renamed, old: code, new: target.id.string, detail: detail)
    case .replaced(let target, let reason):
      self.target = target
      self.code = target.id.string
      if let writtenName, writtenName == oldName { name = target.name }
      let was = oldName.map { " \($0)" } ?? ""
      item = MigrationItem(
        file: file, place: place, change: .replaced, old: code, new: target.id.string,
        detail: "\(id)\(was) is retired; replaced by \(target.id) \(target.name)" + (reason.map { " (\($0))" } ?? ""))
    case .review(let why):
      let was = oldName.map { " \($0)" } ?? ""
      item = MigrationItem(
        file: file, place: place, change: .review, old: code, new: nil, detail: "\(id)\(was): \(why)")
    }
  }
}
