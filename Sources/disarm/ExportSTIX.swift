import ArgumentParser
import DisarmBrowsing
import DisarmDiagnostics
import DisarmExports
import DisarmLint
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmSupport
import DisarmVersions
import Foundation

extension STIXKillChain: ExpressibleByArgument {}
extension STIXProfile: ExpressibleByArgument {}

extension Disarm {
  /// `disarm export stix`: the knowledge base as a STIX 2.1 bundle.
  struct ExportSTIX: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "stix",
      abstract: "Export a STIX 2.1 bundle: tactics, techniques, counters, incidents and their relationships.",
      discussion: """
        A drop-in replacement for the DISARM Foundation's own bundle (x-mitre-tactic, attack-pattern, \
        subtechnique-of, one x-mitre-matrix, kill chain 'mitre-attack'), plus counters as course-of-action with \
        'mitigates' relationships and incidents as campaign with 'uses' relationships. Stale pages are left out.
        IDs are UUIDv5 of the DISARM ID (namespace db0ff757-ffec-57f1-b087-7c7fb134d12b), so a re-export never \
        changes an ID; created/modified are --date, by default the newest 'Date added' of the incidents (else \
        2025-01-01), never the clock.
        --ids-from BUNDLE… reuses the STIX ids those bundles give the same DISARM objects (the Foundation's \
        published bundle: no duplicates in a platform that holds it); --previous OLD.json keeps modified and \
        x_mitre_version of unchanged objects and adds an x-mitre-collection; --profile opencti|navigator shapes \
        the bundle for OpenCTI or the ATT&CK Navigator. Retired identifiers (retired.yml) are revoked or \
        deprecated. See docs/EXPORTS.md.
        Exit codes: 0 written; 2 usage or I/O failure (a given bundle that cannot be used: file:line:column).
        """)

    @Argument(help: "The knowledge base folder.", completion: .directory)
    var directory: String = "data"

    @Option(name: .shortAndLong, help: "The file to write (default: standard output).", completion: .file())
    var output: String?

    @Option(help: "The date of every object's created/modified, YYYY-MM-DD (default: newest 'Date added').")
    var date: String?

    @Option(
      name: .customLong("kill-chain"),
      help:
        "Kill chain of the techniques' phases: mitre-attack (as the official bundle) or disarm (default: the profile's)."
    )
    var killChain: STIXKillChain?

    @Option(help: "The consumer the bundle is shaped for: disarm (the Foundation's bundle), opencti or navigator.")
    var profile: STIXProfile = .disarm

    @Option(help: "The Navigator domain identifier of --profile navigator (x_mitre_domains).")
    var domain: String = "enterprise-attack"

    @Option(
      name: .customLong("ids-from"), parsing: .upToNextOption,
      help: "STIX bundles whose ids to reuse for the same DISARM objects (the latest given wins).",
      completion: .file())
    var idsFrom: [String] = []

    @Option(help: "The previous export: unchanged objects keep their dates and versions; adds an x-mitre-collection.")
    var previous: String?

    @Flag(help: "Add an x-mitre-collection (version 1.0) without --previous, for the first export of a series.")
    var collection = false

    @Option(
      name: .customLong("ids-report"),
      help: "Write which object got which STIX id from where (tab-separated: type, DISARM name, id, origin).",
      completion: .file())
    var idsReport: String?

    enum Dates: String, ExpressibleByArgument, CaseIterable {
      case fixed, git
    }

    @Option(
      help: """
        Where created/modified come from: fixed (--date for every object) or git (each page's first and last         commit, and a technique's x_mitre_version from its number of changes).
        """)
    var dates: Dates = .fixed

    func validate() throws {
      if let date, STIXDate(date) == nil { throw ValidationError("--date '\(date)' is not a date like 2025-02-10") }
      if profile == .opencti, killChain == .mitreAttack {
        throw ValidationError("--profile opencti names the kill chain 'disarm'; leave out --kill-chain mitre-attack")
      }
      if domain.isEmpty || domain.utf8.count > 100 || !domain.allSatisfy({ $0.isASCII && !$0.isWhitespace }) {
        throw ValidationError("--domain must be a short identifier without spaces, like enterprise-attack")
      }
    }

    @OptionGroup var frameworkOption: FrameworkOption

    func run() throws {
      let kb = try Loading.model(directory, framework: frameworkOption.framework)
      var history: [String: STIXPageHistory] = [:]
      if dates == .git {
        let folder = try exitingOnLoadFailure { () throws(LoadError) in try PageFolder.resolve(directory) }
        do {
          history = try GitHistory.pages(in: folder)
        } catch {
          Terminal.error(error.description)
          throw ExitStatus.failure
        }
      }
      let inputs = try STIXInputs.read(previous: previous, idsFrom: idsFrom)
      let chain = killChain ?? profile.defaultKillChain
      let options = STIXBundle.Options(
        killChain: chain, date: date.flatMap { STIXDate($0) } ?? STIXDate.newestDateAdded(in: kb), history: history,
        profile: profile, domain: domain, knownIDs: inputs.known, previous: inputs.previous, collection: collection)
      let export = STIXBundle.export(for: kb, options: options)
      try Self.write(export.bytes, to: output)
      if let idsReport {
        try Self.write(Array(STIXIDReport.table(export.identifiers).utf8), to: idsReport)
      }
      let counts = [
        ("tactics", STIXSelection.tactics(in: kb).count), ("techniques", STIXSelection.live(.technique, in: kb).count),
        ("counters", STIXSelection.live(.counter, in: kb).count),
        ("incidents", STIXSelection.live(.incident, in: kb).count),
      ].map { "\($0.0) \($0.1)" }.joined(separator: ", ")
      Terminal.status(
        "disarm: STIX 2.1 bundle (\(counts); date \(options.date), kill chain \(chain.rawValue), profile \(profile))"
          + (output.map { "; wrote \($0)" } ?? ""))
      if previous != nil || !idsFrom.isEmpty {
        Terminal.status("disarm: ids: " + STIXIDReport.origins(export.identifiers))
      }
      if let versions = export.versions {
        Terminal.status(
          "disarm: since \(previous ?? "the previous export"): \(versions.unchanged) unchanged, "
            + "\(versions.changed.count) changed, \(versions.added) new, \(versions.removed.count) no longer exported"
            + (versions.version.map { "; collection version \($0)" } ?? ""))
      }
    }

    /// Writes `bytes` atomically to `path`, or to standard output when `path` is nil or `-`.
    static func write(_ bytes: [UInt8], to path: String?) throws {
      guard let path, path != "-" else {
        FileHandle.standardOutput.write(Data(bytes))
        return
      }
      try exitingOnWriteFailure { () throws(WriteError) in try AtomicFile.write(bytes, to: URL(fileURLWithPath: path)) }
    }
  }
}
