import DisarmDiagnostics
import DisarmParser

/// Reports diagnostics as GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=rule::message`.
public struct GitHubReporter: Sendable {
  /// Prefix that turns a page-folder-relative path into a repository-relative one.
  public var pathPrefix: String

  /// A reporter; `pathPrefix` makes page-folder-relative paths repository-relative, as annotations need.
  public init(pathPrefix: String = "") { self.pathPrefix = pathPrefix }

  /// One workflow command per finding, which GitHub shows as an annotation on the changed line.
  public func report(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { diagnostic in
      let command: String
      switch diagnostic.severity {
      case .error: command = "error"
      case .warning: command = "warning"
      case .note: command = "notice"
      }
      // A spreadsheet cell's finding is annotated on the workbook, the cell named in the message.
      let spreadsheet = diagnostic.spreadsheetPlace
      let message = spreadsheet.map { "\($0.place): \(diagnostic.message)" } ?? diagnostic.message
      var properties = ["file=\(Self.escapeProperty(pathPrefix + (spreadsheet?.file ?? diagnostic.file)))"]
      if diagnostic.line > 0 { properties.append("line=\(diagnostic.line)") }
      if diagnostic.column > 0 { properties.append("col=\(diagnostic.column)") }
      properties.append("title=\(Self.escapeProperty(diagnostic.rule.rawValue))")
      return "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n"
    }.joined()
  }

  /// Workflow-command escaping of the message part; other control characters (ESC, BEL, …) from page text are made
  /// inert, so that a page cannot recolour the CI log or end the command early.
  static func escapeData(_ text: String) -> String {
    TerminalText.inert(text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A"))
  }

  /// Workflow-command escaping of a property value.
  static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
  }
}
