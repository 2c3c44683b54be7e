import DisarmDiagnostics

/// The incidents of a STIX 2.1 bundle (OpenCTI and DISINFOX exports, `disarm export stix`): every `campaign`,
/// `incident`, `report` and `intrusion-set` labelled `incident`, with the techniques its `uses` relationships (or a
/// report's `object_refs`) point at, each with the relationship's description, and the countries of the `location`
/// objects it `originates-from`, `targets` or is `located-at` (or a report's `object_refs` hold).
enum STIXIncidentReader {
  /// The STIX types that stand for an incident (an intrusion-set only with the label `incident`).
  static let incidentTypes: Set<String> = ["campaign", "incident", "report", "intrusion-set"]

  /// Whether `root` looks like a STIX bundle.
  static func recognises(_ root: JSONValue) -> Bool {
    root["type"]?.stringValue == "bundle" || (root["objects"]?.arrayValue != nil && root["Event"] == nil)
  }

  static func read(_ document: IncidentJSONDocument) -> (records: [IncidentRecord], findings: [Diagnostic]) {
    guard let objects = document.root["objects"]?.arrayValue else {
      return ([], [document.shapeError("not a STIX bundle: no 'objects' array")])
    }
    var findings: [Diagnostic] = []
    var byID: [String: JSONValue] = [:]
    for object in objects {
      guard let id = object["id"]?.stringValue, object["type"]?.stringValue != nil else {
        findings.append(document.shapeError("a STIX object without 'type' or 'id'"))
        continue
      }
      if byID[id] == nil { byID[id] = object }
    }
    var uses: [String: [JSONValue]] = [:]
    var places: [String: (attributed: [String], foundIn: [String])] = [:]
    for object in objects where object["type"]?.stringValue == "relationship" {
      guard let type = object["relationship_type"]?.stringValue, let source = object["source_ref"]?.stringValue,
        let target = object["target_ref"]?.stringValue
      else { continue }
      if type == "uses" && target.hasPrefix("attack-pattern--") {
        uses[source, default: []].append(object)
      } else if target.hasPrefix("location--"), let side = locationSides[type],
        let name = locationName(target, in: byID)
      {
        if side == .attributed { places[source, default: ([], [])].attributed.append(name) }
        if side == .foundIn { places[source, default: ([], [])].foundIn.append(name) }
      }
    }
    var records: [IncidentRecord] = []
    for object in objects {
      guard let type = object["type"]?.stringValue, incidentTypes.contains(type),
        let id = object["id"]?.stringValue
      else { continue }
      if type == "intrusion-set" {
        let labels = object["labels"]?.arrayValue?.compactMap(\.stringValue) ?? []
        guard labels.contains(where: { $0.lowercased() == "incident" }) else { continue }
      }
      let place = document.place(ofObjectWhere: "id", is: id)
      guard let name = object["name"]?.stringValue, !InputText.name(name).isEmpty else {
        findings.append(document.shapeError("\(type) \(id) has no name", at: place))
        continue
      }
      var techniques: [TechniqueUse] = []
      for relationship in uses[id] ?? [] {
        let target = relationship["target_ref"]?.stringValue ?? ""
        let relationshipID = relationship["id"]?.stringValue ?? ""
        techniques.append(
          TechniqueUse(
            reference: reference(target, in: byID), description: relationship["description"]?.stringValue ?? "",
            place: document.place(ofObjectWhere: "id", is: relationshipID)))
      }
      var countries = places[id] ?? ([], [])
      if type == "report" {
        for target in object["object_refs"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
          if target.hasPrefix("attack-pattern--") {
            techniques.append(TechniqueUse(reference: reference(target, in: byID), description: "", place: place))
          } else if target.hasPrefix("location--"), let name = locationName(target, in: byID) {
            countries.foundIn.append(name)
          }
        }
      }
      let creator = object["created_by_ref"]?.stringValue.flatMap { byID[$0]?["name"]?.stringValue }
      records.append(
        IncidentRecord(
          identity: "stix:\(id)", name: name, summary: object["description"]?.stringValue,
          yearStarted: InputText.year(object["first_seen"]?.stringValue),
          countries: IncidentCountries.field(attributed: countries.attributed, foundIn: countries.foundIn),
          foundVia: creator,
          dateAdded: InputText.date(object["created"]?.stringValue),
          techniques: techniques, references: references(of: object), place: place))
    }
    return (records, findings)
  }

  /// Which side of the `Countries` field a relationship to a `location` gives: where the incident's actor comes from
  /// (`originates-from`), or where the incident was seen (`targets`; `located-at`, which some platforms use for
  /// where it took place).
  enum CountrySide { case attributed, foundIn }

  static let locationSides: [String: CountrySide] = [
    "originates-from": .attributed, "targets": .foundIn, "located-at": .foundIn,
  ]

  /// How the field names the `location` object `id` (``IncidentCountries/name(ofLocation:country:region:)``); nil
  /// when the bundle does not hold it, or it is no place a page can name.
  static func locationName(_ id: String, in objects: [String: JSONValue]) -> String? {
    guard let location = objects[id], location["type"]?.stringValue == "location" else { return nil }
    return IncidentCountries.name(
      ofLocation: location["name"]?.stringValue, country: location["country"]?.stringValue,
      region: location["region"]?.stringValue)
  }

  /// The technique an attack-pattern stands for: the DISARM identifiers its external references and `x_mitre_id`
  /// give, its STIX id and its name (when the bundle holds it; else the STIX id alone).
  static func reference(_ id: String, in objects: [String: JSONValue]) -> TechniqueReference {
    var reference = TechniqueReference(stixID: id)
    guard let pattern = objects[id] else { return reference }
    reference.name = pattern["name"]?.stringValue
    for external in pattern["external_references"]?.arrayValue ?? [] {
      if let identifier = external["external_id"]?.stringValue { reference.identifiers.append(identifier) }
    }
    if let identifier = pattern["x_mitre_id"]?.stringValue { reference.identifiers.append(identifier) }
    return reference
  }

  /// The URLs of an incident's external references, except those carrying a DISARM identifier (the page of the
  /// incident itself, in a bundle `disarm export stix` wrote); nil when there are none.
  static func references(of object: JSONValue) -> [String]? {
    var urls: [String] = []
    for external in object["external_references"]?.arrayValue ?? [] {
      guard external["external_id"] == nil, let url = external["url"]?.stringValue else { continue }
      let cell = InputText.cell(url)
      if !cell.isEmpty && !urls.contains(cell) { urls.append(cell) }
    }
    return urls.isEmpty ? nil : urls
  }
}
