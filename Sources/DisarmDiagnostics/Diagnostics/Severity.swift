/// How serious a diagnostic is. Ordered so that `>=` filters ("warnings and worse") read naturally.
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
  /// Information only; never makes a command fail.
  case note
  /// Worth fixing; fails `disarm lint` only with `--strict`.
  case warning
  /// The knowledge base is wrong: `disarm lint` and `disarm build` fail.
  case error

  /// Least serious first: `note` < `warning` < `error`.
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

  private var rank: Int {
    switch self {
    case .note: 0
    case .warning: 1
    case .error: 2
    }
  }
}
