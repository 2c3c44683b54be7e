/// How serious a diagnostic is. Ordered so that `>=` filters ("warnings and worse") read naturally.
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
  case note
  case warning
  case error

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

  private var rank: Int {
    switch self {
    case .note: 0
    case .warning: 1
    case .error: 2
    }
  }
}
