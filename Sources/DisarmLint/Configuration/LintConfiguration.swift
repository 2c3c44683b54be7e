import DisarmDiagnostics
import DisarmParser
import Foundation

/// What a knowledge base's `.disarm.yml` changes about linting: rules turned off or given another severity, and
/// paths excluded from reports.
public struct LintConfiguration: Sendable, Equatable {
  /// A rule's configured level.
  public enum Level: String, Sendable, Equatable, CaseIterable {
    case off
    case note
    case warning
    case error
  }

  /// Rule id to level.
  public var rules: [RuleID: Level]
  /// Glob patterns (`*`, `?`, `[…]`) matched against page-folder-relative paths.
  public var exclude: [String]

  /// A configuration; the defaults change nothing (every rule at its catalogue severity, no exclusions).
  public init(rules: [RuleID: Level] = [:], exclude: [String] = []) {
    self.rules = rules
    self.exclude = exclude
  }

  /// The diagnostics after configuration: excluded paths and rules turned off removed, severities changed.
  public func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.compactMap { diagnostic in
      if exclude.contains(where: { fnmatch($0, diagnostic.file, 0) == 0 }) { return nil }
      var diagnostic = diagnostic
      switch rules[diagnostic.rule] {
      case .off: return nil
      case .note: diagnostic.severity = .note
      case .warning: diagnostic.severity = .warning
      case .error: diagnostic.severity = .error
      case nil: break
      }
      return diagnostic
    }
  }
}
