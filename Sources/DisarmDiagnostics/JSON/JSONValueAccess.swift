/// Reading a ``JSONValue`` that came from elsewhere (see ``JSONParser``): each accessor is nil when the value is not
/// of the kind asked for, so that a reader can take what it needs and say what is missing.
extension JSONValue {
  /// The member `key` of an object; nil for a missing member or a value that is not an object.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members[key]
  }

  /// The members of an object.
  public var objectValue: [String: JSONValue]? {
    guard case .object(let members) = self else { return nil }
    return members
  }

  /// The elements of an array.
  public var arrayValue: [JSONValue]? {
    guard case .array(let elements) = self else { return nil }
    return elements
  }

  /// The text of a string.
  public var stringValue: String? {
    guard case .string(let text) = self else { return nil }
    return text
  }

  /// A whole number: an `int`, or a `number` without a fraction that fits an `Int` (`3.0`).
  public var intValue: Int? {
    switch self {
    case .int(let int): return int
    case .number(let number): return Int(exactly: number)
    default: return nil
    }
  }

  /// A boolean.
  public var boolValue: Bool? {
    guard case .bool(let bool) = self else { return nil }
    return bool
  }

  /// Whether this is `null`.
  public var isNull: Bool { self == .null }
}
