import ArgumentParser
import DisarmDiagnostics
import Foundation

/// The `disarm` command: a compiler for DISARM knowledge bases kept as markdown pages.
@main
struct Disarm: ParsableCommand {
  /// Runs the command, mapping usage errors to the documented exit code 2 (the argument parser uses 64).
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error).rawValue == 64 {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(ExitStatus.failure.rawValue)
      }
      exit(withError: error)
    }
  }

  // Every command names itself: without a name, ArgumentParser derives it with `String(describing:)` on the type,
  // whose protocol-conformance lookups cost a millisecond of every run's start-up.
  static let configuration = CommandConfiguration(
    commandName: "disarm",
    abstract: "Compile, check and export DISARM knowledge bases kept as markdown pages.",
    discussion: """
      Exit codes: 0 success; 1 the knowledge base has errors; 2 usage or I/O failure.
      """,
    version: version,
    subcommands: [
      Build.self, Lint.self, Explain.self, Show.self, List.self, Search.self, New.self, Diff.self, Site.self,
      Import.self, Tag.self, Migrate.self, Upstream.self, LSP.self, Stats.self, Match.self,
      Export.self,
      Frameworks.self,
      Catalogue.self,
    ]
  )
}
