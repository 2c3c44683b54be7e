import DisarmDiagnostics

/// How serious an editor shows a finding.
enum DiagnosticSeverity: Int, Sendable {
  case error = 1
  case warning = 2
  case information = 3
  case hint = 4

  /// The editor's severity of a finding's: a note is information.
  init(_ severity: Severity) {
    switch severity {
    case .error: self = .error
    case .warning: self = .warning
    case .note: self = .information
    }
  }
}
