import DisarmParser

/// Checks that a page's heading names the page's own kind and identifier.
enum HeadingCheck {
  static func diagnostics(page: ObjectPage, id: DisarmID) -> [Diagnostic] {
    guard let heading = page.heading else { return [] }
    var diagnostics: [Diagnostic] = []
    if let word = heading.kindWord, word.text != page.kind.headingWord {
      diagnostics.append(
        Rules.headingKindMismatch.diagnostic(
          file: page.path, at: word.range.start,
          "heading says '\(word.text)' but the page is in \(page.kind.folder)/ (expected '\(page.kind.headingWord)')"))
    }
    let written = heading.identifier?.text ?? ""
    if written.trimmingWhitespace().isEmpty {
      let position = heading.identifier?.range.start ?? heading.line.range.start
      diagnostics.append(
        Rules.headingIDMismatch.diagnostic(
          file: page.path, at: position,
          "heading has no identifier; write '# \(page.kind.headingWord) \(id): \(heading.name?.trimmed ?? "Name")'"))
    } else if written != id.string {
      let position = heading.identifier?.range.start ?? heading.line.range.start
      diagnostics.append(
        Rules.headingIDMismatch.diagnostic(
          file: page.path, at: position, "heading identifier '\(written)' differs from the file name '\(id).md'"))
    }
    return diagnostics
  }
}
