import DisarmDiagnostics

/// A protocol type the server sends: it writes itself as the ``JSONValue`` the protocol specifies, which
/// ``JSONWriter`` then writes on the wire.
protocol JSONRepresentable {
  /// The value as the protocol writes it.
  var json: JSONValue { get }
}

extension Array: JSONRepresentable where Element: JSONRepresentable {
  var json: JSONValue { .array(map(\.json)) }
}

extension Optional where Wrapped: JSONRepresentable {
  /// The value, or `null` (a request whose answer may be empty, such as a hover over nothing).
  var json: JSONValue { self?.json ?? .null }
}
