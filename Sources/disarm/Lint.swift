import ArgumentParser
import DisarmBrowsing
import DisarmDiagnostics
import DisarmEditing
import DisarmExports
import DisarmLint
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmSupport
import DisarmVersions
import Foundation

extension Disarm {
  /// `disarm lint`: every rule over the knowledge base, reported for people or CI.
  struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "lint",
      abstract: "Check a knowledge base against every rule and report the findings.",
      discussion: """
        Loads the whole knowledge base (for cross-references) and reports on all of it, or only on PATHS when given \
        (what a pre-commit hook needs). Configuration: .disarm.yml in the page folder or its parent (rules: id: \
        off|note|warning|error; exclude: [glob, ...]). Exit codes: 0 clean; 1 findings at error severity (or at \
        warning with --strict); 2 usage or I/O failure.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, json, sarif, github
    }

    @Argument(help: "Only report on these pages (the whole knowledge base is still loaded).", completion: .file())
    var paths: [String] = []

    @Option(help: "The knowledge base (default: the page folder around PATHS, $DISARM_KB, data/, or .).")
    var kb: String?

    @Option(help: "Output format: text, json, sarif or github.")
    var format: Format = .text

    @OptionGroup var colorOptions: ColorOptions

    @OptionGroup var frameworkOption: FrameworkOption

    @Flag(help: "Exit 1 on warnings too.")
    var strict = false

    @Flag(help: "Apply fixable findings (regenerated derived content, spaces around names) with atomic writes.")
    var fix = false

    @Option(help: "Configuration file (default: .disarm.yml in the page folder or its parent).")
    var config: String?

    @Flag(help: "List every rule with its severity and summary, and exit.")
    var listRules = false

    @Option(help: "Also check against this git revision of the knowledge base (objects gone without a register entry).")
    var since: String?

    @Option(help: "Also check against this folder, an older version of the knowledge base.", completion: .directory)
    var against: String?

    func validate() throws {
      // Every option is checked before anything is read or written: `--fix` writes, so a usage error found after
      // it would leave pages changed by a command that failed.
      if since != nil, against != nil { throw ValidationError("give --since or --against, not both") }
    }

    func run() throws {
      if listRules {
        Terminal.output(RuleListing.text(style: colorOptions.style()), terminator: "")
        return
      }
      let (folder, selection) = try pageFolderAndSelection()
      let configuration = try exitingOnFailure { () throws(DisarmError) in
        try DisarmError.configuring { () throws(ConfigurationError) in
          try ConfigurationFile.find(explicit: config, pageFolder: folder)
        }
      }
      // Everything that can fail is read before `--fix` writes.
      let base = try olderVersion(of: folder)
      let conflicts = try fix ? applyFixes(folder) : []
      let run = try exitingOnFailure { () throws(DisarmError) in
        try LintRun.run(
          folder: folder, configuration: configuration, selection: selection, carrying: conflicts,
          framework: frameworkOption.framework, against: base)
      }
      KeepAlive.keep(run)
      report(run, prefix: KnowledgeBaseLocation.displayPrefix(for: folder))
      Trace.mark("report")
      if run.checked.hasUnreadableFiles { throw ExitStatus.failure }
      if run.fails(strict: strict) { throw ExitStatus.findings }
    }

    /// The page folder around PATHS (or `--kb`), and the selected pages when PATHS are given.
    func pageFolderAndSelection() throws -> (URL, PageSelection?) {
      // A path that does not exist is a usage error, never an empty (clean) report.
      for path in paths where !FileManager.default.fileExists(atPath: path) {
        Terminal.error("\(path): no such file or folder")
        throw ExitStatus.failure
      }
      let (directory, selected) = KnowledgeBaseLocation.forPages(paths, explicit: kb)
      let folder = try exitingOnLoadFailure { () throws(LoadError) in try PageFolder.resolve(directory) }
      let selection = try exitingOnFailure { () throws(DisarmError) in
        try selected.isEmpty ? nil : PageSelection(selected, in: folder)
      }
      for path in selection?.outside ?? [] {
        Terminal.status("disarm: skipped \(path): not inside the knowledge base \(folder.path)")
      }
      return (folder, selection)
    }

    /// The knowledge base of `--since` or `--against`, read before `--fix` writes anything.
    func olderVersion(of folder: URL) throws -> KnowledgeBase? {
      guard let version = since ?? against else { return nil }
      do {
        return try VersionSource.load(version, revisionOf: folder.path, framework: frameworkOption.framework)
      } catch {
        Terminal.error(error.description)
        throw ExitStatus.failure
      }
    }

    /// `--fix` through the editing executor; returns the findings of pages it left alone (changed on disk meanwhile).
    func applyFixes(_ folder: URL) throws -> [Diagnostic] {
      let fixed = try exitingOnFailure { () throws(DisarmError) in
        let request = try DisarmError.refusing { () throws(EditRefusal) in
          try LintFix(folder: folder, framework: frameworkOption.framework).validated()
        }
        return try LintFix.run(request)
      }
      if fixed.written > 0 { Terminal.status("disarm: fixed \(Summary.plural(fixed.written, "page"))") }
      return fixed.conflicts
    }

    func report(_ run: LintRun, prefix: String) {
      switch format {
      case .text:
        let style = colorOptions.style()
        Terminal.output(
          DiagnosticOutput.text(run.findings, of: run.checked.kb, style: style, pathPrefix: prefix), terminator: "")
        Terminal.output(run.summaryLine)
      case .json:
        let report = JSONReporter.report(run.findings, tool: "disarm \(Disarm.version)")
        Terminal.output(String(decoding: report, as: UTF8.self), terminator: "")
      case .sarif:
        let log = SARIFReporter.report(
          run.findings, rules: RuleRegistry.descriptions, version: Disarm.version, pathPrefix: prefix)
        Terminal.output(String(decoding: log, as: UTF8.self), terminator: "")
      case .github:
        Terminal.output(GitHubReporter(pathPrefix: prefix).report(run.findings), terminator: "")
      }
    }
  }
}
