import ArgumentParser
import DisarmDiagnostics
import DisarmExports
import DisarmLint
import DisarmModel
import DisarmSupport
import Foundation

extension Disarm.Export {
  /// `disarm export sqlite OUT.db`: the knowledge base as a SQLite database, with Datasette metadata beside it.
  struct SQLite: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sqlite",
      abstract: "Export the knowledge base as a SQLite database (with a Datasette metadata.json).",
      discussion: """
        A table per kind with every field, the relations (incident_technique with the description given for the \
        pair, counter_technique, counter_tactic, …; a technique's tactic and parent are columns), every field as \
        written (field), the model findings (finding) and a full-text index (search, FTS5). The tables the DISARM \
        Foundation's DISARM_database.sqlite has keep its names and columns. Stale objects are not exported. \
        Exporting the same pages twice gives the same bytes. Browse with: datasette OUT.db -m OUT.metadata.json. \
        Schema: docs/EXPORTS.md.
        Exit codes: 0 written; 1 written, but the knowledge base has errors (see disarm lint); 2 usage or I/O failure.
        """)

    @Argument(help: "The database file to write.", completion: .file(extensions: ["db", "sqlite"]))
    var output: String

    @OptionGroup var knowledgeBase: KnowledgeBaseOption

    @Option(help: "The Datasette metadata file (default: OUT's name with .metadata.json).", completion: .file())
    var metadata: String?

    @Flag(help: "Do not write the Datasette metadata file.")
    var noMetadata = false

    func run() throws {
      let kb = try knowledgeBase.load()
      let findings = Linter.modelFindings(kb)
      let tables = SQLiteTables.all(for: kb, findings: findings)
      let rows = tables.reduce(0) { $0 + $1.rows.count }
      let tableCount = tables.count
      let url = URL(fileURLWithPath: output)
      var metadataPath: String?
      var metadataBytes: [UInt8] = []
      if !noMetadata {
        metadataPath = metadata ?? url.deletingPathExtension().path + ".metadata.json"
        let stem = url.deletingPathExtension().lastPathComponent
        metadataBytes = JSONWriter.write(DatasetteMetadata.document(tables: tables, database: stem, kb: kb))
      }
      do {
        // The tables are handed over: their rows are freed as they go into the database.
        try SQLiteExport.write(consume tables, for: kb, to: output)
      } catch {
        Terminal.error("SQLite: \(error.description)")
        throw ExitStatus.failure
      }
      if let metadataPath {
        try exitingOnWriteFailure { () throws(WriteError) in
          try AtomicFile.write(metadataBytes, to: URL(fileURLWithPath: metadataPath))
        }
      }
      let errors = findings.count { $0.severity == .error }
      Terminal.status(
        "disarm: wrote \(output) (\(Summary.plural(tableCount, "table")), \(Summary.plural(rows, "row"))"
          + (metadataPath.map { " and \($0)" } ?? "") + "); \(Summary.plural(errors, "error")) in the knowledge base")
      if errors > 0 { throw ExitStatus.findings }
    }
  }
}
