/// A question `disarm stats` or `disarm match` cannot answer as asked: an unknown field, value, identifier or option.
/// The message names what was asked and lists what exists, so that the next attempt can be right.
public struct StatisticsError: Error, Sendable, Equatable, CustomStringConvertible {
  /// One or more sentences for the person who asked.
  public let message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
