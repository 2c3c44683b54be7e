import ArgumentParser
import DisarmDiagnostics
import DisarmImport
import DisarmLint

extension Disarm {
  /// `disarm catalogue` (hidden): prints docs/DIAGNOSTICS.md from the rule catalogue.
  struct Catalogue: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "catalogue",
      abstract: "Print the rule catalogue as markdown (docs/DIAGNOSTICS.md).", shouldDisplay: false)

    func run() throws {
      Terminal.output(
        RuleCatalogueDocument.markdown(
          spreadsheetChecks: SpreadsheetChecks.descriptions, incidentFindings: IncidentFindings.descriptions),
        terminator: "")
    }
  }
}
