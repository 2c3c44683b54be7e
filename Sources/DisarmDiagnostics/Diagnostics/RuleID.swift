/// The stable identifier of a rule (`unresolved-reference`), typed so that a rule cannot be named by a misspelt
/// string: messages may be reworded, identifiers never change, because configuration files and CI filters use them.
public struct RuleID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: String

  /// An identifier; rules declare theirs once, in their own file.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// Shorthand for ``init(rawValue:)``.
  public init(_ rawValue: String) { self.rawValue = rawValue }

  public var description: String { rawValue }

  public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}
