import DisarmDiagnostics
import DisarmLint

/// A finding as an editor shows it: its range (the finding's extent, else from its column to the end of its line,
/// else the file's first line), severity, rule id as `code` with a link to the rule's documentation, related places,
/// and the tags its rule declares (``RuleDescription/editorTags``).
extension LSPDiagnostic {
  init(_ finding: Diagnostic, in file: SourceFile?, workspace: Workspace) {
    let rule = finding.rule.rawValue
    self.init(
      range: Self.range(of: finding.range, line: finding.line, column: finding.column, in: file),
      severity: DiagnosticSeverity(finding.severity), code: rule,
      codeDescription: "https://github.com/disarm-tools/disarm/blob/main/docs/DIAGNOSTICS.md#\(rule)",
      message: finding.message,
      tags: (RuleRegistry.rule(finding.rule)?.description.editorTags ?? []).map(DiagnosticTag.init).sorted(),
      relatedInformation: finding.notes.map { note in
        DiagnosticRelatedInformation(
          location: Location(
            uri: workspace.uri(of: note.file),
            range: Self.range(of: note.range, line: note.line, column: note.column, in: workspace.source(note.file))),
          message: note.message)
      })
  }

  static func range(of range: SourceRange?, line: Int, column: Int, in file: SourceFile?) -> TextRange {
    guard let file else {
      let position = Position(line: max(line - 1, 0), character: 0)
      return TextRange(start: position, end: position)
    }
    if let range { return TextRange(range.offsets, in: file) }
    guard line > 0, line <= file.lineCount else { return TextRange(file.lineContentRange(1), in: file) }
    let content = file.lineContentRange(line)
    let start = column > 0 ? min(content.lowerBound + column - 1, content.upperBound) : content.lowerBound
    return TextRange(start..<content.upperBound, in: file)
  }
}
