import DisarmDiagnostics
import Foundation

/// The incidents of MISP's JSON export: `{"Event": {...}}`, a list of those, or `{"response": [...]}`. Each event is
/// an incident; its techniques are the clusters of the `disarm-techniques` galaxy (`Galaxy[].GalaxyCluster[]`) and
/// the tags `misp-galaxy:disarm-techniques="T0049.003 - Name"` on the event or on its attributes. A tagged
/// attribute gives the use its description (its value when it is text, else its comment), as `disarm export misp
/// --events` writes it.
enum MISPEventReader {
  /// MISP's DISARM techniques galaxy; the knowledge base's own (`disarm-assessments` for DISARM 2026) is read too.
  static let galaxyType = "disarm-techniques"

  /// Whether `root` looks like MISP's export.
  static func recognises(_ root: JSONValue) -> Bool {
    if root["Event"] != nil || root["response"] != nil { return true }
    return root.arrayValue?.first?["Event"] != nil
  }

  static func read(_ document: IncidentJSONDocument, galaxyTypes: Set<String> = [galaxyType]) -> (
    records: [IncidentRecord], findings: [Diagnostic]
  ) {
    let techniqueTag = { (tag: String) in Self.reference(fromTag: tag, galaxyTypes: galaxyTypes) }
    let root = document.root
    let wrapped = root["response"]?.arrayValue ?? root.arrayValue ?? [root]
    var records: [IncidentRecord] = []
    var findings: [Diagnostic] = []
    for item in wrapped {
      guard let event = item["Event"], event.objectValue != nil else {
        findings.append(document.shapeError("not a MISP event: no 'Event' object"))
        continue
      }
      guard let uuid = event["uuid"]?.stringValue, !uuid.isEmpty else {
        findings.append(document.shapeError("a MISP event without 'uuid'"))
        continue
      }
      let place = document.place(ofObjectWhere: "uuid", is: uuid)
      guard let info = event["info"]?.stringValue, !InputText.name(info).isEmpty else {
        findings.append(document.shapeError("MISP event \(uuid) has no 'info' (its name)", at: place))
        continue
      }
      var techniques: [TechniqueUse] = []
      var summary: String?
      var urls: [String] = []
      for attribute in event["Attribute"]?.arrayValue ?? [] {
        let type = attribute["type"]?.stringValue ?? ""
        let value = attribute["value"]?.stringValue ?? ""
        let tags = (attribute["Tag"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        let attributePlace =
          attribute["uuid"]?.stringValue.map { document.place(ofObjectWhere: "uuid", is: $0) } ?? place
        let techniqueTags = tags.compactMap(techniqueTag)
        if !techniqueTags.isEmpty {
          let description = type == "text" ? value : attribute["comment"]?.stringValue ?? ""
          for reference in techniqueTags {
            techniques.append(TechniqueUse(reference: reference, description: description, place: attributePlace))
          }
        } else if type == "text" && summary == nil {
          summary = value
        } else if type == "link" || type == "url" {
          let cell = InputText.cell(value)
          if !cell.isEmpty && !urls.contains(cell) { urls.append(cell) }
        }
      }
      for tag in event["Tag"]?.arrayValue ?? [] {
        guard let name = tag["name"]?.stringValue, let reference = techniqueTag(name) else { continue }
        techniques.append(
          TechniqueUse(
            reference: reference, description: tag["comment"]?.stringValue ?? "",
            place: document.place(ofObjectWhere: "name", is: name)))
      }
      for galaxy in event["Galaxy"]?.arrayValue ?? [] where galaxyTypes.contains(galaxy["type"]?.stringValue ?? "") {
        for cluster in galaxy["GalaxyCluster"]?.arrayValue ?? [] {
          var reference = TechniqueReference()
          if let ids = cluster["meta"]?["external_id"] {
            reference.identifiers += ids.arrayValue?.compactMap(\.stringValue) ?? ids.stringValue.map { [$0] } ?? []
          }
          if let tagName = cluster["tag_name"]?.stringValue, let fromTag = techniqueTag(tagName) {
            reference.identifiers += fromTag.identifiers
            reference.name = fromTag.name
          }
          if let value = cluster["value"]?.stringValue { reference.name = reference.name ?? value }
          let clusterPlace =
            cluster["uuid"]?.stringValue.map { document.place(ofObjectWhere: "uuid", is: $0) } ?? place
          techniques.append(TechniqueUse(reference: reference, description: "", place: clusterPlace))
        }
      }
      records.append(
        IncidentRecord(
          identity: "misp:event--\(uuid.lowercased())", name: info, summary: summary,
          yearStarted: InputText.year(event["date"]?.stringValue), countries: nil,
          foundVia: event["Orgc"]?["name"]?.stringValue, dateAdded: InputText.date(event["date"]?.stringValue),
          techniques: techniques, references: urls.isEmpty ? nil : urls, place: place))
    }
    return (records, findings)
  }

  /// The technique a `misp-galaxy:disarm-techniques="T0049.003 - Name"` tag names (`"Name - T0049.003"`, MISP's
  /// form for names two techniques share, too); nil for any other tag.
  static func reference(fromTag tag: String, galaxyTypes: Set<String> = [galaxyType]) -> TechniqueReference? {
    guard let prefix = galaxyTypes.map({ "misp-galaxy:\($0)=" }).first(where: { tag.hasPrefix($0) }) else { return nil }
    var value = Substring(tag.dropFirst(prefix.count))
    if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = value.dropFirst().dropLast() }
    let parts = value.components(separatedBy: " - ")
    var reference = TechniqueReference()
    if let first = parts.first, first.wholeMatch(of: /\s*[A-Za-z]{1,2}[0-9]{2,6}(\.[0-9]{3,4})?\s*/) != nil {
      reference.identifiers.append(first)
      reference.name = parts.dropFirst().joined(separator: " - ")
    } else if let last = parts.last, parts.count > 1,
      last.wholeMatch(of: /\s*[A-Za-z]{1,2}[0-9]{2,6}(\.[0-9]{3,4})?\s*/) != nil
    {
      reference.identifiers.append(last)
      reference.name = parts.dropLast().joined(separator: " - ")
    } else {
      reference.name = String(value)
    }
    return reference
  }
}
