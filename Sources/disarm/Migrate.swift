import ArgumentParser
import DisarmDiagnostics
import DisarmMigration
import DisarmModel
import DisarmVersions
import Foundation

extension Disarm {
  /// `disarm migrate FILE… --from OLD --to NEW`: users' files carried to a new framework release.
  struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "migrate",
      abstract: "Carry layers, STIX bundles, MISP events, CSV datasets and text to a new framework release.",
      discussion: """
        OLD and NEW are knowledge bases: folders, or git revisions of the repository holding --kb (as disarm diff \
        takes them). Each FILE is recognised from its content: an ATT&CK Navigator layer, a STIX 2.1 bundle, a MISP \
        event, a CSV dataset or tag list (.csv, .tsv), or Markdown and text. Every identifier is mapped: kept \
        (names updated where the file writes the old name), moved (a layer's tactic, a STIX kill-chain phase), \
        replaced through NEW's register of retired identifiers, or left as written for review (retired without a \
        replacement, replaced by another kind, removed without a register entry, unknown). Two entries that land on \
        one technique are merged. Without --output or --in-place nothing is written. With --kb KB the pages of \
        the knowledge base that NEW does not have (its incidents, its own objects) are migrated through the one \
        writer, notes untouched. Exit codes: 0 migrated (or accepted with --accept-review); 1 something needs \
        review (nothing written); 2 a usage error, a file or version that cannot be read, or a write that failed.
        """)

    @Argument(help: "The files to migrate.", completion: .file())
    var files: [String] = []

    @Option(help: "The release the files were written for: a folder or a git revision.")
    var from: String

    @Option(help: "The release to carry them to: a folder or a git revision.")
    var to: String

    @Option(name: .shortAndLong, help: "Write the migrated files into this folder, under their own names.")
    var output: String?

    @Flag(help: "Rewrite the files themselves.")
    var inPlace = false

    @Flag(help: "Write even when something needs review (it is left as written and listed).")
    var acceptReview = false

    @Option(help: "The report's format: text, markdown or json.")
    var reportFormat: MigrationReportOutput.Format = .text

    @Option(help: "Write the report to this file instead of standard output.", completion: .file())
    var report: String?

    @Flag(help: "Show what would change in the knowledge base (--kb) without writing.")
    var dryRun = false

    @Option(
      help:
        "Migrate the pages of this knowledge base (its incidents and own objects); also where git revisions are read.")
    var kb: String?

    @OptionGroup var framework: FrameworkOption

    @OptionGroup var colorOptions: ColorOptions

    func validate() throws {
      if output != nil && inPlace { throw ValidationError("give --output or --in-place, not both") }
      if files.isEmpty && kb == nil { throw ValidationError("give the files to migrate, or --kb KB") }
      if dryRun && (output != nil || inPlace) {
        throw ValidationError("--dry-run writes nothing: give it without --output and --in-place")
      }
    }

    func run() throws {
      let current = KnowledgeBaseLocation.find(explicit: kb)
      let destination: MigratedFilesWriter.Destination? =
        inPlace ? .inPlace : output.map { MigratedFilesWriter.Destination.folder($0) }
      // Every check that needs no reading is made before the releases are loaded.
      if let destination, !files.isEmpty {
        do {
          _ = try MigratedFilesWriter.targets(for: files, destination)
        } catch {
          Terminal.error(error.description)
          throw ExitStatus.failure
        }
      }
      // The files are read while the releases load (a failure to read one is reported after theirs).
      let reading = FileReading(files)
      let old = try load(from, current: current)
      let new = try load(to, current: current)
      let mapping = ReleaseMapping(old: old, new: new, oldLabel: from, newLabel: to)
      var result: MigrationResult
      do {
        result = FileMigration.migrate(try reading.files(), mapping: mapping)
      } catch {
        Terminal.error(error.description)
        throw ExitStatus.failure
      }
      var pagePlan: KnowledgeBaseMigration.Plan?
      if let kb {
        do {
          let request = KnowledgeBaseMigration.Request(folder: kb, framework: framework.framework)
          let plan = try KnowledgeBaseMigration.plan(request.validated(), mapping: mapping)
          result.files += plan.files
          pagePlan = plan
        } catch {
          Terminal.error("\(kb): \(error.description)")
          throw ExitStatus.failure
        }
      }
      // Freeing the releases and the documents value by value would cost more than the migration: they live
      // until the process exits.
      KeepAlive.keep(mapping)
      KeepAlive.keep(result)
      try printReport(result)
      let blocked = result.needsReview && !acceptReview
      if blocked {
        Terminal.status("disarm migrate: something needs review; nothing written (--accept-review writes anyway)")
        throw ExitStatus.findings
      }
      if let destination, !files.isEmpty {
        do {
          let written = try MigratedFilesWriter.write(
            MigrationResult(from: result.from, to: result.to, files: Array(result.files.prefix(files.count))),
            to: destination)
          Terminal.status("disarm migrate: wrote \(written.count == 1 ? "1 file" : "\(written.count) files")")
        } catch {
          Terminal.error(error.description)
          throw ExitStatus.failure
        }
      } else if !files.isEmpty {
        Terminal.status("disarm migrate: nothing written (give --output DIR or --in-place)")
      }
      if let pagePlan, !dryRun {
        do {
          let report = try pagePlan.write()
          Terminal.status("disarm migrate: \(report)")
        } catch {
          Terminal.error("\(error)")
          throw ExitStatus.failure
        }
      }
    }

    private func printReport(_ result: MigrationResult) throws {
      try MigrationReportOutput.print(
        result, format: reportFormat, to: report, style: colorOptions.style())
    }

    private func load(_ argument: String, current: String) throws -> KnowledgeBase {
      do {
        return try VersionSource.load(argument, revisionOf: current, framework: framework.framework)
      } catch {
        Terminal.error(error.description)
        throw ExitStatus.failure
      }
    }
  }
}
