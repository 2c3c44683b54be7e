import ArgumentParser
import DisarmDiagnostics

extension Disarm {
  /// `disarm export`: the knowledge base in the threat-intelligence ecosystem's formats. Every export is
  /// deterministic: exporting the same pages twice gives the same bytes.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract:
        "Export the knowledge base as STIX 2.1, MISP galaxies, ATT&CK Navigator layers, CSV tables, a spreadsheet or SQLite.",
      subcommands: [ExportSTIX.self, ExportNavigator.self, MISP.self, CSV.self, XLSX.self, SQLite.self])
  }
}
