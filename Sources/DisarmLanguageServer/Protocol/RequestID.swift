import DisarmDiagnostics

/// A request's id, a number or a string as JSON-RPC allows; the answer carries it back unchanged.
enum RequestID: Hashable, Sendable, JSONRepresentable {
  case number(Int)
  case string(String)

  /// The id `json` holds; nil for any other value (an object, a boolean, a fraction).
  init?(json: JSONValue?) {
    switch json {
    case .string(let text): self = .string(text)
    case let value?:
      guard let number = value.intValue else { return nil }
      self = .number(number)
    case nil: return nil
    }
  }

  var json: JSONValue {
    switch self {
    case .number(let number): .int(number)
    case .string(let text): .string(text)
    }
  }
}
