import ArgumentParser
import DisarmBrowsing
import DisarmDiagnostics
import DisarmExports
import DisarmFramework
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

    func run() throws {
      let kb = try knowledgeBase.load()
      let framework = kb.framework
      var kinds = ObjectKind.allCases
      if let kind {
        // The framework's words (`assessments`, `categories`), its folders, or the roles' names.
        guard let found = framework.kind(named: kind)?.role ?? Self.role(named: kind) else {
          let known = framework.kinds.map(\.plural).joined(separator: ", ")
          Terminal.error("unknown kind '\(kind)' (\(framework.name) has \(known))")
          throw ExitStatus.failure
        }
        kinds = [found]
      }
      let tacticID = try tactic.map { try identifier($0, of: .tactic, in: kb) }
      let parentID = try parent.map { try identifier($0, of: .technique, in: kb) }
      let listing = ObjectListing(kb, kinds: kinds, tactic: tacticID, parent: parentID, includeStale: stale)
      switch format {
      case .table: Terminal.output(listing.table(), terminator: "")
      case .csv:
        // Printed for people, like the table: controls shown, not sent (`--format json` keeps the exact text).
        let rows = listing.rows.map { $0.map(TerminalText.inert) }
        let csv = CSVTable(name: "list.csv", header: listing.header, rows: rows)
        Terminal.output(String(decoding: csv.render(), as: UTF8.self), terminator: "")
      case .json: Terminal.output(String(decoding: JSONWriter.write(listing.json()), as: UTF8.self), terminator: "")
      }
    }

    /// The role named as earlier releases of `disarm` accepted it (`actortypes`, `responsetype`, `techniques`).
    static func role(named name: String) -> ObjectKind? {
      let lower = name.lowercased()
      return ObjectKind.allCases.first { [$0.rawValue, $0.rawValue + "s", $0.folder].contains(lower) }
    }

    /// `text` as an identifier of the kind playing `role`, or an error in the framework's words.
    func identifier(_ text: String, of role: ObjectKind, in kb: KnowledgeBase) throws -> DisarmID {
      guard let id = DisarmID(caseInsensitive: text, in: kb.framework.identifiers), id.kind == role else {
        let kind = kb.framework.kind(role)
        Terminal.error(
          "'\(text)' is not \(kind?.withArticle ?? role.rawValue) identifier (like \(kind?.id.example ?? ""))")
        throw ExitStatus.failure
      }
      return id
    }
  }
}
