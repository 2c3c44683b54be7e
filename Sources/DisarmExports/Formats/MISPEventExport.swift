import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser
import DisarmRegeneration
import Foundation

/// The knowledge base's incidents as MISP events (`disarm export misp --events`): one `{"Event": …}` per live
/// incident, in MISP's export form `{"response": [{"Event": …}, …]}`, which MISP's "Import from… MISP JSON" and
/// PyMISP read, and which `disarm import` reads back into the same knowledge base without changing a page.
///
/// Each event (fields of the MISP core format, draft-dulaunoy-misp-core-format; checked against PyMISP's
/// `schema.json` and its attribute types by `scripts/check-misp-events.py`):
/// - `uuid`: the MISP event the page was imported from (its `Imported from: misp:event--…`), else the name-based UUID
///   of the incident's identifier (``MISPIdentifiers/value(_:)``), which `disarm import` recognises as this knowledge
///   base's own incident;
/// - `info`: the name; `date`: `YEAR-01-01` of the year started (the core format's "date the event occurred", to the
///   year the page knows; left out when the page has no year, and MISP then sets the day of import);
/// - `threat_level_id` 4 (undefined), `analysis` 2 (complete: a written-up incident), `distribution` 3 (all
///   communities: DISARM's data is published), `published` false (publishing is the receiving instance's decision);
/// - `Attribute`: the summary as a `text` attribute (category Other), each technique's description as a `text`
///   attribute tagged with the technique, each web reference as a `link` (category External analysis), all
///   `to_ids` false, `distribution` 5 (the event's), with name-based UUIDs;
/// - `Tag`: `misp-galaxy:disarm-techniques="T0002 - Facilitate State Propaganda"` for every technique the incident
///   uses; `Galaxy`: the `disarm-techniques` galaxy with one cluster per technique, under the UUIDs and values of
///   MISP's published DISARM galaxy (so that MISP attaches its own clusters), `meta.external_id` the identifier.
///
/// Descriptions and the summary are plain text: the pages' `<br>` become line breaks and `\|` a `|`. Events are in
/// identifier order and every object's keys sorted: exporting the same pages twice gives the same bytes.
public enum MISPEventExport {
  /// The whole file: `{"response": [{"Event": …}, …]}`.
  public static func document(for kb: KnowledgeBase) -> JSONValue {
    let names = MISPValueNames.names(for: MISPExport.live(.technique, in: kb))
    let incidents = MISPExport.live(.incident, in: kb)
    return .object(["response": .array(incidents.map { .object(["Event": event($0, in: kb, clusterValues: names)]) })])
  }

  /// The file's bytes, as ``JSONWriter`` writes them.
  public static func bytes(for kb: KnowledgeBase) -> [UInt8] { JSONWriter.write(document(for: kb)) }

  /// The tag naming a technique: `misp-galaxy:disarm-techniques="T0002 - Facilitate State Propaganda"`.
  public static func tag(_ id: DisarmID, in kb: KnowledgeBase) -> String {
    let name = kb[id]?.name.trimmingWhitespace() ?? ""
    let value = name.isEmpty ? id.string : "\(id.string) - \(name)"
    return "misp-galaxy:\(MISPGalaxy.techniques.type(in: kb))=\"\(value.replacingOccurrences(of: "\"", with: "'"))\""
  }

  /// The event's UUID: the MISP event the page came from, else the one derived from the incident's identifier.
  public static func uuid(of incident: DisarmObject) -> String {
    let source = incident.fields.first { $0.key == IncidentSourceIdentity.key }?.value.trimmed ?? ""
    if source.hasPrefix("misp:event--"), let uuid = UUIDv5(String(source.dropFirst("misp:event--".count))) {
      return uuid.description
    }
    return MISPIdentifiers.value(incident.id).description
  }

  static func event(_ incident: DisarmObject, in kb: KnowledgeBase, clusterValues: [DisarmID: String]) -> JSONValue {
    let id = incident.id
    var attributes: [JSONValue] = []
    let summary = plain(incident.summary?.trimmed ?? "")
    if !summary.isEmpty {
      attributes.append(attribute(id, "summary", type: "text", category: "Other", value: summary))
    }
    let techniques = STIXSelection.techniques(of: id, in: kb)
    for (technique, description) in techniques where !plain(description).isEmpty {
      var item = members(id, "technique/\(technique)", type: "text", category: "Other", value: plain(description))
      item["Tag"] = .array([.object(["name": .string(tag(technique, in: kb))])])
      attributes.append(.object(item))
    }
    for url in references(of: incident) {
      attributes.append(attribute(id, "link/\(url)", type: "link", category: "External analysis", value: url))
    }
    var event: [String: JSONValue] = [
      "uuid": .string(uuid(of: incident)),
      "info": .string(incident.name.isEmpty ? id.string : incident.name),
      "threat_level_id": .string("4"),
      "analysis": .string("2"),
      "distribution": .string("3"),
      "published": .bool(false),
      "Attribute": .array(attributes),
      "Tag": .array(techniques.map { .object(["name": .string(tag($0.id, in: kb))]) }),
    ]
    let year = incident.fields.first { $0.key == "year started" }?.value.trimmed ?? ""
    if year.count >= 4, year.prefix(4).allSatisfy(\.isASCII), year.prefix(4).allSatisfy(\.isNumber) {
      event["date"] = .string("\(year.prefix(4))-01-01")
    }
    if !techniques.isEmpty {
      let galaxy = MISPGalaxy.techniques
      let clusters: [JSONValue] = techniques.map { technique in
        let value = clusterValues[technique.id] ?? technique.id.string
        return .object([
          "uuid": .string(MISPIdentifiers.value(technique.id).description),
          "type": .string(galaxy.type(in: kb)),
          "value": .string(value),
          "tag_name": .string(
            "misp-galaxy:\(galaxy.type(in: kb))=\"\(value.replacingOccurrences(of: "\"", with: "'"))\""),
          "meta": .object(["external_id": .array([.string(technique.id.string)])]),
        ])
      }
      event["Galaxy"] = .array([
        .object([
          "uuid": .string(MISPIdentifiers.galaxy(galaxy, in: kb).description),
          "type": .string(galaxy.type(in: kb)),
          "name": .string(galaxy.name(in: kb)),
          "GalaxyCluster": .array(clusters),
        ])
      ])
    }
    return .object(event)
  }

  /// One attribute, its UUID derived from the incident and `role` (`summary`, `technique/T0002`, `link/URL`).
  static func members(_ incident: DisarmID, _ role: String, type: String, category: String, value: String)
    -> [String: JSONValue]
  {
    [
      "uuid": .string(UUIDv5(namespace: MISPIdentifiers.namespace, name: "\(incident.string)/\(role)").description),
      "type": .string(type), "category": .string(category), "value": .string(value), "to_ids": .bool(false),
      "distribution": .string("5"),
    ]
  }

  static func attribute(_ incident: DisarmID, _ role: String, type: String, category: String, value: String)
    -> JSONValue
  {
    .object(members(incident, role, type: type, category: category, value: value))
  }

  /// The `http(s)` destinations of the References table's first links, in page order, each once.
  static func references(of incident: DisarmObject) -> [String] {
    var urls: [String] = []
    for row in incident.page?.table(firstColumn: "Reference")?.rows ?? [] {
      guard let url = row.links.first?.destination.text.trimmingWhitespace() else { continue }
      let lower = url.lowercased()
      guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), !urls.contains(url) else { continue }
      urls.append(url)
    }
    return urls
  }

  /// A page's text as plain text: `<br>` (any spelling) as a line break, `\|` as `|`, trimmed.
  public static func plain(_ text: String) -> String {
    text.replacingOccurrences(of: "<br\\s*/?>", with: "\n", options: [.regularExpression, .caseInsensitive])
      .replacingOccurrences(of: "\\|", with: "|").trimmingWhitespace()
  }
}
