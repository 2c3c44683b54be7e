import DisarmDiagnostics

/// A STIX bundle given with `--stix-ids`: the ids of its attack-patterns, each with the DISARM identifier its
/// external references (or `x_mitre_id`) give, recognised beside the DISARM Foundation's and this knowledge base's.
enum STIXIdentifierBundle {
  static func read(_ path: String) -> (ids: [String: String], findings: [Diagnostic]) {
    let bytes: [UInt8]
    switch IncidentFileReader.load(path) {
    case .success(let loaded): bytes = loaded
    case .failure(let failure): return ([:], [failure.finding])
    }
    let document: IncidentJSONDocument
    switch IncidentJSONDocument.read(bytes, path: path, indexing: []) {
    case .success(let read): document = read
    case .failure(let failure): return ([:], [failure.finding])
    }
    guard let objects = document.root["objects"]?.arrayValue else {
      return ([:], [document.shapeError("--stix-ids: not a STIX bundle: no 'objects' array")])
    }
    var ids: [String: String] = [:]
    for object in objects where object["type"]?.stringValue == "attack-pattern" {
      guard let id = object["id"]?.stringValue else { continue }
      let reference = STIXIncidentReader.reference(id, in: [id: object])
      if let first = reference.identifiers.first { ids[id] = first.trimmingWhitespace() }
    }
    return (ids, [])
  }
}
