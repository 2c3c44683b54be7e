/// How serious a diagnostic is.
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
  case note
  case warning
  case error

  public static func < (lhs: Severity, rhs: Severity) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// A problem found in a knowledge base, pointing at the exact place in a page.
///
/// `rule` is a stable identifier (`file-name-not-id`); messages may be reworded, rule ids never change.
public struct Diagnostic: Hashable, Sendable {
  public var rule: String
  public var severity: Severity
  /// Path relative to the page folder, `/`-separated.
  public var file: String
  /// 1-based line; 0 when the problem concerns the whole file.
  public var line: Int
  /// 1-based UTF-8 byte column; 0 when the problem concerns the whole file or line.
  public var column: Int
  public var message: String

  public init(rule: String, severity: Severity, file: String, line: Int = 0, column: Int = 0, message: String) {
    self.rule = rule
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public init(rule: String, severity: Severity, file: String, at position: SourcePosition, message: String) {
    self.init(rule: rule, severity: severity, file: file, line: position.line, column: position.column, message: message)
  }

  /// `path:line:column: severity: message [rule]`, the format compilers and editors understand.
  public var formatted: String {
    var location = file
    if line > 0 { location += ":\(line)" }
    if line > 0, column > 0 { location += ":\(column)" }
    return "\(location): \(severity.rawValue): \(message) [\(rule)]"
  }
}

extension Diagnostic: Comparable {
  /// Sorted by file, line, column, rule, then message: a stable order for output.
  public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    (lhs.file, lhs.line, lhs.column, lhs.rule, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.rule, rhs.message)
  }
}
