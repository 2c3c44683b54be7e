/// Renders diagnostics for people, the one way every command prints them (`build`, `lint`, …):
///
///     techniques/T0150.005.md:3:214: warning: T1708 is mentioned but no such object exists [unresolved-reference]
///       …the source line, shortened around the column…
///                                               ^
///     techniques/T0150.md:1:1: note: T0150 is defined here
///
/// Like swift-syntax's `DiagnosticsFormatter`: the location line, the source excerpt with a caret under the exact
/// column, then one line per note. Page text never reaches the terminal as control sequences (``TerminalText``).
public struct DiagnosticFormatter: Sendable {
  /// Colours for the location, severity and caret; disabled by default, as for output that is not a terminal.
  public var style: ANSIStyle
  /// Prefix added to every path (the page folder as the user named it), so that editors can open the file.
  public var pathPrefix: String

  /// Without arguments: no colours, and paths exactly as the diagnostics give them.
  public init(style: ANSIStyle = ANSIStyle(enabled: false), pathPrefix: String = "") {
    self.style = style
    self.pathPrefix = pathPrefix
  }

  /// Every diagnostic in order; `source` returns a page's text by its page-folder-relative path.
  public func format(_ diagnostics: [Diagnostic], source: (String) -> SourceFile?) -> String {
    var output = ""
    for diagnostic in diagnostics { output += format(diagnostic, source: source) }
    return output
  }

  /// One diagnostic: its location line, the excerpt when the source is known, and its notes.
  public func format(_ diagnostic: Diagnostic, source: (String) -> SourceFile?) -> String {
    var output = line(for: diagnostic) + "\n"
    if diagnostic.line > 0, let file = source(diagnostic.file), diagnostic.line <= file.lineCount {
      output += excerpt(file: file, line: diagnostic.line, column: diagnostic.column)
    }
    for note in diagnostic.notes {
      let location = pathPrefix + Self.location(file: note.file, line: note.line, column: note.column)
      output += "\(style.bold(TerminalText.inert(location) + ":")) \(style.cyan("note")): "
      output += TerminalText.inert(note.message) + "\n"
    }
    return output
  }

  /// `path:line:column`, leaving out what is 0 (whole file, whole line).
  public static func location(file: String, line: Int, column: Int) -> String {
    var location = file
    if line > 0 { location += ":\(line)" }
    if line > 0, column > 0 { location += ":\(column)" }
    return location
  }

  /// The first line of a diagnostic.
  public func line(for diagnostic: Diagnostic) -> String {
    let location = pathPrefix + Self.location(file: diagnostic.file, line: diagnostic.line, column: diagnostic.column)
    let severity: String
    switch diagnostic.severity {
    case .error: severity = style.red("error")
    case .warning: severity = style.yellow("warning")
    case .note: severity = style.cyan("note")
    }
    return "\(style.bold(TerminalText.inert(location) + ":")) \(severity): "
      + "\(style.bold(TerminalText.inert(diagnostic.message))) " + style.dim("[\(diagnostic.rule)]")
  }

  /// The source line (shortened around the column when long) and a caret under the column.
  func excerpt(file: SourceFile, line: Int, column: Int) -> String {
    let range = file.lineContentRange(line)
    let bytes = Array(file.bytes[range])
    let caretOffset = max(0, min(column - 1, bytes.count))
    // Show at most 100 bytes of long lines, around the column, cut at character boundaries.
    var start = 0
    var end = bytes.count
    if bytes.count > 100 {
      start = max(0, caretOffset - 40)
      while start > 0, start < bytes.count, bytes[start] & 0xC0 == 0x80 { start -= 1 }
      end = min(bytes.count, start + 100)
      while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    }
    let prefix = start > 0 ? "…" : ""
    let suffix = end < bytes.count ? "…" : ""
    let before = TerminalText.inert(String(decoding: bytes[start..<max(start, min(caretOffset, end))], as: UTF8.self))
    let shown = TerminalText.inert(String(decoding: bytes[start..<end], as: UTF8.self))
    // The caret sits under the character: count characters, not bytes, before it (tabs kept as tabs).
    // (An ASCII line, the usual one, has one character per byte: no line break is in it to pair with a return.)
    let padding =
      prefix.isEmpty && before.utf8.allSatisfy({ $0 < 0x80 })
      ? String(decoding: before.utf8.map { $0 == 0x09 ? 0x09 : 0x20 }, as: UTF8.self)
      : String((prefix + before).map { $0 == "\t" ? "\t" : " " })
    return "  \(prefix)\(shown)\(suffix)\n  \(padding)\(style.green("^"))\n"
  }
}
