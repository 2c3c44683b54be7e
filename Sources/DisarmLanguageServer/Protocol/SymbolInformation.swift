import DisarmDiagnostics

/// An object found by `workspace/symbol`: its identifier and name, where its page is, and its kind as the container.
struct SymbolInformation: Equatable, JSONRepresentable {
  var name: String
  var kind: SymbolKind
  var location: Location
  var containerName: String

  var json: JSONValue {
    .object([
      "name": .string(name), "kind": .int(kind.rawValue), "location": location.json,
      "containerName": .string(containerName),
    ])
  }
}
