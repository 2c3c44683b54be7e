import DisarmDiagnostics

/// How an editor marks a finding beyond its severity, from the rule's ``EditorTag``s.
enum DiagnosticTag: Int, Sendable, Comparable {
  /// Shown faded: text that could go.
  case unnecessary = 1
  /// Shown struck through: something retired.
  case deprecated = 2

  init(_ tag: EditorTag) {
    switch tag {
    case .unnecessary: self = .unnecessary
    case .deprecated: self = .deprecated
    }
  }

  static func < (lhs: DiagnosticTag, rhs: DiagnosticTag) -> Bool { lhs.rawValue < rhs.rawValue }
}
