import DisarmDiagnostics
import DisarmExports
import DisarmFramework
import DisarmModel
import Foundation

/// What the found techniques become beside the evidence: an ATT&CK Navigator layer with them highlighted and the
/// sentences as comments (`--navigator`), and a STIX 2.1 `report` whose `object_refs` are the techniques' ids as
/// `disarm export stix` gives them (`--stix`).
public enum TagLayers {
  /// The live techniques mentioned, each with the sentences that mention it, in identifier order.
  static func techniques(_ reports: [(ReportDocument, [Mention])], kb: KnowledgeBase) -> [(DisarmID, [String])] {
    var sentences: [DisarmID: [String]] = [:]
    for (_, mentions) in reports {
      for mention in mentions where mention.status == .current && mention.id.kind == .technique {
        if !(sentences[mention.id]?.contains(mention.sentence) ?? false) {
          sentences[mention.id, default: []].append(mention.sentence)
        }
      }
    }
    return sentences.keys.sorted().map { ($0, sentences[$0]!) }
  }

  /// The Navigator layer (format 4.5, as `disarm export navigator` writes it).
  public static func navigator(_ reports: [(ReportDocument, [Mention])], kb: KnowledgeBase) -> JSONValue {
    let shortNames = TacticShortName.all(in: kb)
    let found = techniques(reports, kb: kb)
    var entries: [JSONValue] = []
    for (id, sentences) in found {
      var entry: [String: JSONValue] = [
        "techniqueID": .string(id.string), "enabled": .bool(true), "score": .int(sentences.count),
        "color": .string(NavigatorLayer.highlightColor),
        "comment": .string(sentences.map { "“\($0)”" }.joined(separator: "\n")),
      ]
      if let tactic = kb.tactic(of: id), let shortName = shortNames[tactic] { entry["tactic"] = .string(shortName) }
      entries.append(.object(entry))
    }
    let files = reports.map(\.0.path).joined(separator: ", ")
    return NavigatorLayer.frame(
      name: "\(kb.framework.brand): techniques mentioned in \(files)",
      description: "Techniques `disarm tag` found in \(files), highlighted; each comment quotes the sentences.",
      versions: ["layer": .string(NavigatorLayer.layerVersion), "navigator": .string(NavigatorLayer.navigatorVersion)],
      domain: NavigatorLayer.defaultDomain, techniques: entries, maxScore: max(1, found.map(\.1.count).max() ?? 1),
      legend: [.object(["label": .string("Mentioned in the report"), "color": .string(NavigatorLayer.highlightColor)])])
  }

  /// A STIX 2.1 bundle holding one `report` per report file: its name, the time given (the file's modification
  /// time, so that tagging the same file again gives the same bundle), `report_types` `threat-report`, and
  /// `object_refs` to the techniques it mentions. Its id is name-based on the file's name and content digest.
  public static func stix(_ reports: [(ReportDocument, [Mention])], kb: KnowledgeBase) -> JSONValue {
    // Name-based ids: the same report (name and text) always gets the same id.
    func digest(_ report: ReportDocument) -> String {
      UUIDv5(namespace: STIXIdentifiers.namespace, name: String(decoding: report.text.bytes, as: UTF8.self)).description
    }
    var objects: [JSONValue] = []
    for (report, mentions) in reports {
      let refs = techniques([(report, mentions)], kb: kb).map {
        JSONValue.string(STIXIdentifiers.id("attack-pattern", for: $0.0))
      }
      guard !refs.isEmpty else { continue }
      let time = report.modified
      let name = (report.path as NSString).lastPathComponent
      objects.append(
        .object([
          "type": .string("report"), "spec_version": .string("2.1"),
          "id": .string(STIXIdentifiers.id("report", name: "report \(name) \(digest(report))")),
          "created": .string(time), "modified": .string(time), "published": .string(time),
          "name": .string(name),
          "description": .string("Techniques of the \(kb.framework.title) mentioned in \(name), found by disarm tag."),
          "report_types": .array([.string("threat-report")]),
          "object_refs": .array(refs),
        ]))
    }
    return .object([
      "type": .string("bundle"),
      "id": .string(
        STIXIdentifiers.id("bundle", name: "bundle " + reports.map { digest($0.0) }.joined(separator: " "))),
      "objects": .array(objects),
    ])
  }
}
