import DisarmDiagnostics

/// `$/cancelRequest`: the id of a request the client no longer needs answered.
struct CancelParams: Equatable {
  var id: RequestID

  /// Nil without an id that is a number or a string.
  init?(json: JSONValue?) {
    guard let id = RequestID(json: json?["id"]) else { return nil }
    self.id = id
  }
}
