import DisarmDiagnostics
import DisarmFramework

/// Identifiers in text: Markdown and plain-text reports, tag lists, CSV datasets (whose technique columns are headed
/// `T0002_Name` and whose cells may hold identifiers), and the pages of a knowledge base. Each identifier is rewritten
/// in place; a name after it is updated only where it is the old release's name exactly; nothing else changes.
enum TextMigration {
  /// `bytes` (the file `file`) migrated; only `range` is read (a page's notes are left alone), all of it by default.
  /// `header`: the file is a CSV dataset whose first line names its columns, where two columns that now stand for one
  /// technique are reported as merged.
  /// `own`: identifiers of the knowledge base being migrated that neither release has (its local objects), left
  /// alone.
  static func migrate(
    _ bytes: [UInt8], file: String, range: Range<Int>? = nil, header: Bool, mapping: ReleaseMapping,
    own: Set<String> = []
  ) -> MigrationResult.File {
    var edited = EditedBytes(bytes)
    var items: [MigrationItem] = []
    let lines = SourceFile(path: file, bytes: bytes)
    let syntaxes = [mapping.old.framework.identifiers, mapping.new.framework.identifiers]
    let occurrences = IdentifierOccurrence.all(
      in: bytes, range: range ?? 0..<bytes.count, syntaxes: syntaxes,
      names: { code in mapping.names(of: code) })
    let headerEnd = header ? (bytes.firstIndex(of: 0x0A) ?? bytes.count) : 0
    var headerColumns: [String: String] = [:]
    var unchanged = 0
    for occurrence in occurrences {
      let code = String(decoding: bytes[occurrence.code], as: UTF8.self)
      let written = occurrence.name.map { String(decoding: bytes[$0], as: UTF8.self) }
      let place = lines.place(occurrence.code.lowerBound)
      guard !own.contains(code.uppercased()),
        let rewrite = IdentifierRewrite(
          code: code, writtenName: written, mapping: mapping, file: file, place: place)
      else { continue }
      if let new = rewrite.code { edited.replace(occurrence.code, with: Array(new.utf8)) }
      if let name = rewrite.name, let range = occurrence.name { edited.replace(range, with: Array(name.utf8)) }
      if let item = rewrite.item { items.append(item) } else { unchanged += 1 }
      if occurrence.code.lowerBound < headerEnd, let target = rewrite.target {
        if let first = headerColumns[target.id.string] {
          items.append(
            MigrationItem(
              file: file, place: place, change: .merged, old: code, new: target.id.string,
              detail: "this column and the one of \(first) now both stand for \(target.id); a row counts once when "
                + "either is set"))
        } else {
          headerColumns[target.id.string] = code
        }
      }
    }
    return MigrationResult.File(
      path: file, format: header ? .csv : .text, original: bytes, edits: edited.edits, items: items,
      identifiers: occurrences.count, unchanged: unchanged)
  }
}
