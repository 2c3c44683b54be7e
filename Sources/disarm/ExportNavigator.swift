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
  /// `disarm export navigator`: an ATT&CK Navigator layer over the DISARM matrix.
  struct ExportNavigator: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "navigator",
      abstract: "Export an ATT&CK Navigator layer (format 4.5) of the DISARM matrix.",
      discussion: """
        techniqueID is the DISARM ID and tactic the tactic short name of 'disarm export stix'. With --incident, the \
        techniques those incidents use are highlighted, with the incidents and their descriptions as comments; with \
        --score-by incidents, each technique's score is the number of incidents using it (a heat map). See \
        docs/EXPORTS.md.
        Exit codes: 0 written; 2 usage or I/O failure (an unknown incident).
        """)

    enum ScoreBy: String, ExpressibleByArgument, CaseIterable {
      case incidents
    }

    @Argument(help: "The knowledge base folder.", completion: .directory)
    var directory: String = "data"

    @Option(name: .shortAndLong, help: "The file to write (default: standard output).", completion: .file())
    var output: String?

    @Option(
      name: .customLong("incident"), parsing: .upToNextOption, help: "Highlight the techniques of these incidents.")
    var incidents: [String] = []

    @Option(name: .customLong("score-by"), help: "Score every technique: incidents (how many incidents use it).")
    var scoreBy: ScoreBy?

    @Option(help: "The layer's domain: the Navigator domain holding the DISARM matrix.")
    var domain: String = NavigatorLayer.defaultDomain

    @Option(name: .customLong("attack-version"), help: "versions.attack of the layer (default: none).")
    var attackVersion: String?

    @OptionGroup var frameworkOption: FrameworkOption

    func run() throws {
      let kb = try Loading.model(directory, framework: frameworkOption.framework)
      var ids: [DisarmID] = []
      for incident in incidents {
        guard let id = DisarmID(caseInsensitive: incident, in: kb.framework.identifiers), id.kind == .incident else {
          let example = kb.framework.kind(.incident)?.id.example ?? "I00901"
          Terminal.error("'\(incident)' is not an incident ID (like \(example))")
          throw ExitStatus.failure
        }
        ids.append(id)
      }
      for id in ids where !STIXSelection.isLive(id, in: kb) {
        Terminal.error("no incident \(id) in \(directory)\(kb[id]?.isStale == true ? " (its page is stale)" : "")")
        throw ExitStatus.failure
      }
      let options = NavigatorLayer.Options(
        incidents: ids, scoreByIncidents: scoreBy == .incidents, domain: domain, attackVersion: attackVersion)
      try ExportSTIX.write(NavigatorLayer.bytes(for: kb, options: options), to: output)
      Terminal.status("disarm: ATT&CK Navigator layer" + (output.map { "; wrote \($0)" } ?? ""))
    }
  }
}
