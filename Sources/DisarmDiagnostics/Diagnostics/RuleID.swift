/// The stable identifier of a rule (`unresolved-reference`), typed so that a rule cannot be named by a misspelt
/// string: messages may be reworded, identifiers never change, because configuration files and CI filters use them.
public struct RuleID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The identifier as written in output and configuration files (`unresolved-reference`).
  public let rawValue: String

  /// An identifier; rules declare theirs once, in their own file.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// Shorthand for ``init(rawValue:)``.
  public init(_ rawValue: String) { self.rawValue = rawValue }

  /// The bare identifier, as printed in brackets after a diagnostic's message.
  public var description: String { rawValue }

  /// Alphabetical, so that rule listings come out in the same order every time.
  public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}
