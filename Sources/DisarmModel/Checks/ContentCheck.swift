import DisarmParser

/// Checks values on object pages: empty summaries, names with stray spaces, spreadsheet artefacts.
enum ContentCheck {
  static func diagnostics(objects: [DisarmID: DisarmObject]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for object in objects.values {
      guard let page = object.page else { continue }
      let summary = page.field("summary")
      if summary == nil || summary!.value.trimmed.isEmpty {
        let position = summary?.value.range.start ?? page.heading?.line.range.start ?? SourcePosition(line: 1, column: 1, offset: 0)
        diagnostics.append(Rules.emptySummary.diagnostic(file: page.path, at: position, "\(object.id) has no summary"))
      }
      if let name = page.heading?.name, name.text != name.trimmed, !name.trimmed.isEmpty {
        diagnostics.append(
          Rules.nameWhitespace.diagnostic(file: page.path, at: name.range.start, "name '\(name.text)' has leading or trailing spaces"))
      }
      for field in page.fields where isSpreadsheetArtefact(field.value.trimmed) {
        diagnostics.append(
          Rules.spreadsheetArtefact.diagnostic(
            file: page.path, at: field.value.range.start, "'\(field.label)' is '\(field.value.trimmed)', a spreadsheet export artefact"))
      }
    }
    return diagnostics
  }

  /// `2016.0` (a whole number written as a float) or `nan`/`NaN`/`None` (an empty cell).
  static func isSpreadsheetArtefact(_ value: String) -> Bool {
    if ["nan", "NaN", "None", "NULL"].contains(value) { return true }
    guard value.hasSuffix(".0"), value.count > 2 else { return false }
    return value.dropLast(2).allSatisfy(\.isNumber)
  }
}
