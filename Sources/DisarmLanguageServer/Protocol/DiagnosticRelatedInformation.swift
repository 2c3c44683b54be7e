import DisarmDiagnostics

/// Another place a finding concerns (a finding's note), shown with it.
struct DiagnosticRelatedInformation: Equatable, JSONRepresentable {
  var location: Location
  var message: String

  var json: JSONValue { .object(["location": location.json, "message": .string(message)]) }
}
