import DisarmParser

/// A diagnostic rule: a stable id, its default severity, a one-line summary and a longer explanation.
public struct Rule: Hashable, Sendable {
  public let id: String
  public let severity: Severity
  public let summary: String
  /// Why the rule exists and how to resolve a finding.
  public let explanation: String
  /// Whether `disarm lint --fix` (page regeneration) resolves findings of this rule.
  public let isFixable: Bool

  public init(id: String, severity: Severity, summary: String, explanation: String = "", isFixable: Bool = false) {
    self.id = id
    self.severity = severity
    self.summary = summary
    self.explanation = explanation
    self.isFixable = isFixable
  }

  /// Makes a diagnostic of this rule.
  public func diagnostic(file: String, line: Int = 0, column: Int = 0, _ message: String) -> Diagnostic {
    Diagnostic(rule: id, severity: severity, file: file, line: line, column: column, message: message)
  }

  public func diagnostic(file: String, at position: SourcePosition, _ message: String) -> Diagnostic {
    diagnostic(file: file, line: position.line, column: position.column, message)
  }
}
