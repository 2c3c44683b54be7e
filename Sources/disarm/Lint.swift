import ArgumentParser
import DisarmEmitters
import DisarmModel
import DisarmParser
import Foundation

extension Disarm {
  /// `disarm lint`: every rule over the knowledge base, reported for people or CI.
  struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
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

    @Flag(help: "Exit 1 on warnings too.")
    var strict = false

    @Flag(help: "Apply fixable findings (regenerated derived content, spaces around names) with atomic writes.")
    var fix = false

    @Option(help: "Configuration file (default: .disarm.yml in the page folder or its parent).")
    var config: String?

    @Flag(help: "List every rule with its severity and summary, and exit.")
    var listRules = false

    func run() throws {
      if listRules {
        Terminal.output(RuleListing.text(style: colorOptions.style()), terminator: "")
        return
      }
      // A path that does not exist is a usage error, never an empty (clean) report.
      for path in self.paths where !FileManager.default.fileExists(atPath: path) {
        Terminal.error("\(path): no such file or folder")
        throw ExitStatus.failure
      }
      // A single folder argument is the knowledge base itself: `disarm lint data`.
      var paths = self.paths
      var explicit = kb
      if explicit == nil, paths.count == 1, let folder = try? PageFolder.resolve(paths[0]),
        KnowledgeBaseLocation.holdsPages(folder)
      {
        explicit = paths[0]
        paths = []
      }
      // Files outside any page folder (a README.md staged along with pages) do not choose the knowledge base.
      let inPageFolders = paths.filter { KnowledgeBaseLocation.pageFolder(containing: $0) != nil }
      let directory = KnowledgeBaseLocation.find(explicit: explicit, paths: inPageFolders.isEmpty ? paths : inPageFolders)
      let folder: URL
      let configuration: LintConfiguration
      do {
        folder = try PageFolder.resolve(directory)
        configuration = try loadConfiguration(pageFolder: folder)
      } catch let error as LoadError {
        Terminal.error(error.description)
        throw ExitStatus.failure
      } catch {
        Terminal.error("\(error)")
        throw ExitStatus.failure
      }
      var only: Set<String>?
      var prefixFilter = Set<String>()
      if !paths.isEmpty {
        var selected = Set<String>()
        var outside: [String] = []
        for path in paths {
          if let relative = KnowledgeBaseLocation.relative(path, to: folder) {
            selected.insert(relative)
          } else {
            outside.append(path)
          }
        }
        // A pre-commit hook passes every staged markdown file: those outside the knowledge base are skipped, but
        // when none is inside, the command was misused.
        if selected.isEmpty, let path = outside.first {
          Terminal.error("\(path) is not inside the knowledge base \(folder.path)")
          throw ExitStatus.failure
        }
        for path in outside { Terminal.status("disarm: skipped \(path): not inside the knowledge base \(folder.path)") }
        only = selected
        prefixFilter = selected.filter { KnowledgeBaseLocation.isDirectory(folder.appendingPathComponent($0).path) }
      }

      var findings = try lint(folder: folder, configuration: configuration, only: only, folders: prefixFilter)
      if fix {
        let fixed = try applyFixes(folder: folder)
        if fixed > 0 {
          Terminal.status("disarm: fixed \(Summary.plural(fixed, "page"))")
          findings = try lint(folder: folder, configuration: configuration, only: only, folders: prefixFilter)
        }
      }
      report(findings.diagnostics, kb: findings.kb, prefix: KnowledgeBaseLocation.displayPrefix(for: folder))
      if findings.kb.diagnostics.contains(where: { $0.rule == Rules.unreadableFile.id }) { throw ExitStatus.failure }
      let failing = findings.diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
      if failing { throw ExitStatus.findings }
    }

    func loadConfiguration(pageFolder: URL) throws -> LintConfiguration {
      if let config { return try ConfigurationFile.load(URL(fileURLWithPath: config)) }
      for folder in [pageFolder, pageFolder.deletingLastPathComponent()] {
        let url = folder.appendingPathComponent(ConfigurationFile.name)
        if FileManager.default.fileExists(atPath: url.path) { return try ConfigurationFile.load(url) }
      }
      return LintConfiguration()
    }

    func loadKnowledgeBase(_ folder: URL) throws -> KnowledgeBase {
      do {
        let kb = try KnowledgeBaseLoader.load(from: folder.path)
        KeepAlive.keep(kb)
        return kb
      } catch {
        Terminal.error(error.description)
        throw ExitStatus.failure
      }
    }

    /// Loads, checks drift and applies the configuration.
    func lint(folder: URL, configuration: LintConfiguration, only: Set<String>?, folders: Set<String> = [])
      throws -> (kb: KnowledgeBase, diagnostics: [Diagnostic])
    {
      // Loaded in a function of its own: a `let` initialised inside `do`/`catch` around a typed-throws call was
      // miscompiled in release builds (Swift 6.3), leaving the value uninitialised.
      let kb = try loadKnowledgeBase(folder)
      let rendered = PageRenderer.render(kb)
      var diagnostics = kb.diagnostics + rendered.diagnostics
      do {
        diagnostics += DriftReport.diagnostics(try PageSync.changes(rendered.pages, in: folder))
      } catch {
        Terminal.error(error.description)
        throw ExitStatus.failure
      }
      diagnostics = configuration.apply(diagnostics, matches: ConfigurationFile.matches)
      if let only {
        diagnostics = diagnostics.filter { diagnostic in
          only.contains(diagnostic.file) || folders.contains { diagnostic.file.hasPrefix($0 + "/") }
        }
      }
      return (kb, diagnostics.sorted())
    }

    /// Regenerates derived content and trims names; returns the number of pages written.
    func applyFixes(folder: URL) throws -> Int {
      do {
        let kb = try KnowledgeBaseLoader.load(from: folder.path)
        let pages = PageRenderer.render(kb).pages.map(NameFix.trimmingHeadingName)
        let changes = try PageSync.changes(pages, in: folder)
        try PageSync.apply(changes, in: folder)
        return changes.count
      } catch let error as LoadError {
        Terminal.error(error.description)
        throw ExitStatus.failure
      } catch let error as WriteError {
        Terminal.error(error.description)
        throw ExitStatus.failure
      }
    }

    func report(_ diagnostics: [Diagnostic], kb: KnowledgeBase, prefix: String) {
      switch format {
      case .text:
        var sources: [String: SourceFile] = [:]
        for object in kb.objects.values { if let page = object.page { sources[page.path] = page.file } }
        for page in kb.unassignedPages { sources[page.path] = page.file }
        for page in kb.wholePages { sources[page.path] = page.file }
        let style = colorOptions.style()
        let reporter = TextReporter(style: style, pathPrefix: prefix)
        Terminal.output(reporter.report(diagnostics, source: { sources[$0] }), terminator: "")
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let files = Set(diagnostics.map(\.file)).count
        Terminal.output(
          "disarm lint: \(Summary.plural(errors, "error")), \(Summary.plural(warnings, "warning")) in \(Summary.plural(files, "file"))")
      case .json:
        Terminal.output(String(decoding: JSONReporter.report(diagnostics, tool: "disarm \(Disarm.version)"), as: UTF8.self), terminator: "")
      case .sarif:
        let log = SARIFReporter.report(diagnostics, rules: Rules.all, version: Disarm.version, pathPrefix: prefix)
        Terminal.output(String(decoding: log, as: UTF8.self), terminator: "")
      case .github:
        Terminal.output(GitHubReporter(pathPrefix: prefix).report(diagnostics), terminator: "")
      }
    }
  }
}
