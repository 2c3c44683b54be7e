import ArgumentParser
import DisarmDiagnostics
import DisarmExports
import DisarmLint
import DisarmRegeneration

extension Disarm.Export {
  /// `disarm export csv`: flat RFC 4180 tables, one per kind of object and one per kind of relation.
  struct CSV: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "csv",
      abstract: "Export flat CSV tables: one per kind of object and one per kind of relation.",
      discussion: """
        Writes OUT/techniques.csv, OUT/tactics.csv, … (id, name, summary and the kind's scalar fields) and one table
        per kind of relation (OUT/incident_techniques.csv: incident, technique, description; …), each with a header
        record, RFC 4180 quoting and CRLF line ends. Stale objects are not exported. Exporting the same pages twice
        gives the same bytes.
        Exit codes: 0 written; 1 written, but the knowledge base has errors (see disarm lint); 2 usage or I/O failure.
        """)

    @Argument(help: "The knowledge base folder.", completion: .directory)
    var directory: String = "data"

    @Option(name: .shortAndLong, help: "The folder to write the tables into.", completion: .directory)
    var output: String = "build/csv"

    @OptionGroup var frameworkOption: FrameworkOption

    func run() throws {
      let (kb, errors) = try Loading.modelWithErrorCount(directory, framework: frameworkOption.framework)
      let tables = CSVExport.tables(for: kb)
      try ExportFileWriter.write(tables.map { ($0.name, $0.render()) }, to: output)
      let rows = tables.reduce(0) { $0 + $1.rows.count }
      Terminal.status(
        "disarm: wrote \(Summary.plural(tables.count, "CSV table")) (\(Summary.plural(rows, "row"))) to \(output); "
          + "\(Summary.plural(errors, "error")) in the knowledge base")
      if errors > 0 { throw ExitStatus.findings }
    }
  }
}
