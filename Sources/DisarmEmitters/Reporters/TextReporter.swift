import DisarmParser

/// Reports diagnostics for people: `path:line:column: severity: message [rule]`, then the source line with a caret
/// under the column, coloured when asked.
public struct TextReporter: Sendable {
  public var style: ANSIStyle
  /// Prefix added to every path (the page folder as the user named it), so that editors can open the file.
  public var pathPrefix: String

  public init(style: ANSIStyle, pathPrefix: String = "") {
    self.style = style
    self.pathPrefix = pathPrefix
  }

  /// The report; `source` returns a page's text by its page-folder-relative path.
  public func report(_ diagnostics: [Diagnostic], source: (String) -> SourceFile?) -> String {
    var output = ""
    for diagnostic in diagnostics {
      output += line(for: diagnostic) + "\n"
      guard diagnostic.line > 0, let file = source(diagnostic.file), diagnostic.line <= file.lineCount else { continue }
      output += excerpt(file: file, line: diagnostic.line, column: diagnostic.column)
    }
    return output
  }

  /// The first line of a diagnostic.
  public func line(for diagnostic: Diagnostic) -> String {
    var location = pathPrefix + diagnostic.file
    if diagnostic.line > 0 { location += ":\(diagnostic.line)" }
    if diagnostic.line > 0, diagnostic.column > 0 { location += ":\(diagnostic.column)" }
    let severity: String
    switch diagnostic.severity {
    case .error: severity = style.red("error")
    case .warning: severity = style.yellow("warning")
    case .note: severity = style.cyan("note")
    }
    return "\(style.bold(TerminalText.inert(location) + ":")) \(severity): \(style.bold(TerminalText.inert(diagnostic.message))) "
      + style.dim("[\(diagnostic.rule)]")
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
    let padding = String((prefix + before).map { $0 == "\t" ? "\t" : " " })
    return "  \(prefix)\(shown)\(suffix)\n  \(padding)\(style.green("^"))\n"
  }
}
