import ArgumentParser
import DisarmBrowsing
import DisarmDiagnostics
import DisarmExports
import DisarmLint
import DisarmModel
import DisarmParser
import DisarmRegeneration
import Foundation

extension Disarm {
  /// `disarm list`: one line per object.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List objects, one per line, with aligned columns.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case table, json, csv
    }

    @Argument(
      help:
        "A kind: techniques, tactics, phases, tasks, incidents, counters, actortypes, metatechniques, responsetypes, detections (default: all)."
    )
    var kind: String?

    @Option(help: "Only objects of this tactic.")
    var tactic: String?

    @Option(help: "Only sub-techniques of this technique.")
    var parent: String?

    @Flag(help: "Include stale pages.")
    var stale = false

    @OptionGroup var knowledgeBase: KnowledgeBaseOption

    @Option(help: "Output format: table, json or csv.")
    var format: Format = .table

    func validate() throws {
      if let kind, Self.kind(named: kind) == nil { throw ValidationError("unknown kind '\(kind)'") }
      if let tactic, DisarmID(caseInsensitive: tactic)?.kind != .tactic {
        throw ValidationError("'\(tactic)' is not a tactic ID")
      }
      if let parent, DisarmID(caseInsensitive: parent)?.kind != .technique {
        throw ValidationError("'\(parent)' is not a technique ID")
      }
    }

    static func kind(named name: String) -> ObjectKind? {
      let lower = name.lowercased()
      return ObjectKind.allCases.first {
        [$0.folder, $0.rawValue, $0.plural.lowercased(), $0.rawValue + "s"].contains(lower)
      }
    }

    func run() throws {
      let kb = try knowledgeBase.load()
      let kinds = kind.flatMap(Self.kind(named:)).map { [$0] } ?? ObjectKind.allCases
      let tacticID = tactic.flatMap { DisarmID(caseInsensitive: $0) }
      let parentID = parent.flatMap { DisarmID(caseInsensitive: $0) }
      let objects = kinds.flatMap { kb.objects(of: $0) }.filter { object in
        (stale || !object.isStale) && (tacticID == nil || kb.tactic(of: object.id) == tacticID)
          && (parentID == nil || object.id.parentTechnique == parentID)
      }
      let rows = objects.map { object -> [String] in
        [object.id.string, object.kind.rawValue, object.name, kb.tactic(of: object.id)?.string ?? "", object.file]
      }
      let header = ["id", "kind", "name", "tactic", "file"]
      switch format {
      case .table:
        Terminal.output(
          Table.aligned(header: header.map { $0.uppercased() }, rows: rows.map { $0.map(TerminalText.inert) }),
          terminator: "")
      case .csv:
        Terminal.output(
          String(decoding: CSVTable(name: "list.csv", header: header, rows: rows).render(), as: UTF8.self),
          terminator: "")
      case .json:
        let values: [JSONValue] = rows.map { row in
          .object(Dictionary(uniqueKeysWithValues: zip(header, row.map { JSONValue.string($0) })))
        }
        Terminal.output(String(decoding: JSONWriter.write(.array(values)), as: UTF8.self), terminator: "")
      }
    }
  }
}
