import DisarmDiagnostics

/// A finding as LSP shows it: its range (the finding's extent, else from its column to the end of its line, else the
/// file's first line), severity, rule id as `code` with a link to the rule's documentation, related places, and tags.
enum LSPDiagnostic {
  /// Rules whose findings mark text that could go (shown faded) or objects that are retired (struck through).
  static let unnecessary: Set<String> = ["stale-page", "orphan-page", "duplicate-row"]
  static let deprecated: Set<String> = ["retired-id-reused", "removed-without-retirement"]

  static func json(_ diagnostic: Diagnostic, in file: SourceFile?, workspace: Workspace) -> [String: Any] {
    var object: [String: Any] = [
      "range": range(of: diagnostic.range, line: diagnostic.line, column: diagnostic.column, in: file),
      "severity": diagnostic.severity == .error ? 1 : diagnostic.severity == .warning ? 2 : 3,
      "code": diagnostic.rule.rawValue,
      "codeDescription": [
        "href": "https://github.com/disarm-tools/disarm/blob/main/docs/DIAGNOSTICS.md#\(diagnostic.rule.rawValue)"
      ],
      "source": "disarm",
      "message": diagnostic.message,
    ]
    var tags: [Int] = []
    if unnecessary.contains(diagnostic.rule.rawValue) { tags.append(1) }
    if deprecated.contains(diagnostic.rule.rawValue) { tags.append(2) }
    if !tags.isEmpty { object["tags"] = tags }
    if !diagnostic.notes.isEmpty {
      object["relatedInformation"] = diagnostic.notes.map { note -> [String: Any] in
        let noteFile = workspace.source(note.file)
        return [
          "location": [
            "uri": workspace.uri(of: note.file),
            "range": range(of: note.range, line: note.line, column: note.column, in: noteFile),
          ],
          "message": note.message,
        ]
      }
    }
    return object
  }

  static func range(of range: SourceRange?, line: Int, column: Int, in file: SourceFile?) -> [String: Any] {
    guard let file else {
      let position = LSPPosition(line: max(line - 1, 0), character: 0).json
      return ["start": position, "end": position]
    }
    if let range { return LSPPosition.range(range.offsets, in: file) }
    guard line > 0, line <= file.lineCount else { return LSPPosition.range(file.lineContentRange(1), in: file) }
    let content = file.lineContentRange(line)
    let start = column > 0 ? min(content.lowerBound + column - 1, content.upperBound) : content.lowerBound
    return LSPPosition.range(start..<content.upperBound, in: file)
  }
}
