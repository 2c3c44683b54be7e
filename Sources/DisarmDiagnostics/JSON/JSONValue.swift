/// A JSON value whose objects keep their keys sorted when written, so that output is byte-stable.
public enum JSONValue: Sendable, Equatable {
  /// `null`; also what ``optional(_:)`` gives for nil.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A whole number; nothing the tool writes needs fractions.
  case int(Int)
  /// Any other number: one with a fraction or an exponent, or too large for `int`. Only what ``JSONParser`` reads
  /// from other programs holds one.
  case number(Double)
  /// Any text; the writer escapes what JSON requires.
  case string(String)
  /// Elements in the order given.
  case array([JSONValue])
  /// Members by key; the dictionary's order does not matter, because keys are written sorted.
  case object([String: JSONValue])

  /// A string, or null when `value` is nil.
  public static func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
}
