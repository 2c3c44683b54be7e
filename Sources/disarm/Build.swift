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
import Foundation

extension Disarm {
  /// `disarm build`: parse and link the pages, report diagnostics, and write `disarm.json` and the regenerated
  /// pages; or check (`--check`) or bring up to date (`--write`) the pages in place.
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "build",
      abstract: "Parse and link a knowledge base; write disarm.json and regenerated pages, or check or update pages.",
      discussion: """
        DIR is the page folder (holding techniques/, tactics/, …) or a folder that contains generated_pages/.
        Without --check or --write: writes OUT/disarm.json, OUT/pages/ (every regenerated page, same relative paths)
        and OUT/generated_files/ (framework grids as CSV, clickable HTML matrices).
        --check writes nothing and lists the pages of DIR that differ from their regenerated form (--diff shows them).
        --write rewrites in place only the pages whose content changes, each atomically; notes are never altered.
        Diagnostics go to stderr as 'path:line:column: severity: message [rule]', then a summary line.
        Exit codes: 0 no errors (and, with --check, no drift); 1 errors in the knowledge base or pages out of date;
        2 usage or I/O failure.
        """)

    @Argument(help: "The knowledge base folder.", completion: .directory)
    var directory: String = "data"

    @Option(
      name: .shortAndLong, help: "Where to write disarm.json, pages/ and generated_files/.", completion: .directory)
    var output: String = "build"

    @Flag(help: "Write nothing; exit 1 when a page differs from its regenerated form, listing each such page.")
    var check = false

    @Flag(help: "With --check, print a unified diff for each page that differs.")
    var diff = false

    @Flag(help: "Rewrite in place the pages whose regenerated content differs (atomic, notes kept byte for byte).")
    var write = false

    @Option(help: "Write pages in this template generation (2022 or 2025), e.g. to migrate a knowledge base.")
    var template: TemplateChoice?

    @Flag(name: .shortAndLong, help: "Print only errors and the summary line.")
    var quiet = false

    @OptionGroup var colorOptions: ColorOptions

    @OptionGroup var frameworkOption: FrameworkOption

    func validate() throws {
      if check && write { throw ValidationError("--check and --write cannot be used together") }
      if diff && !check { throw ValidationError("--diff needs --check") }
    }

    func run() throws {
      let folder = try exitingOnLoadFailure { () throws(LoadError) in try PageFolder.resolve(directory) }
      if write { return try rewrite(folder) }
      var checked = try exitingOnLoadFailure { () throws(LoadError) in
        try CheckedKnowledgeBase.load(folder.path, template: template?.template, framework: frameworkOption.framework)
      }
      KeepAlive.keep(checked)
      let printer = findingPrinter(checked, folder: folder)
      printer.print(checked.diagnostics)
      let tail: String
      if check {
        let changes = try exitingOnWriteFailure { () throws(WriteError) in
          try checked.changes(in: folder, reporting: false)
        }
        list(changes)
        printer.print(checked.diagnostics.filter { $0.rule == PageChangedOnDiskRule.id })
        tail = "; \(Summary.plural(changes.count, "page")) out of date"
        try finish(checked, tail: tail, drift: !changes.isEmpty)
      } else {
        let written = try exitingOnWriteFailure { () throws(WriteError) in
          try BuildOutput.write(checked, to: URL(fileURLWithPath: output), generator: "disarm \(Disarm.version)")
        }
        tail = "; wrote \(written.document) and \(Summary.plural(written.pages, "page"))"
        try finish(checked, tail: tail, drift: false)
      }
    }

    /// `--write`: the out-of-date pages rewritten through the editing executor, holding the writer lock from before
    /// the pages are read (so that the pages read are the pages replaced).
    func rewrite(_ folder: URL) throws {
      let request = try exitingOnFailure { () throws(DisarmError) in
        try DisarmError.refusing { () throws(EditRefusal) in
          try PageRegeneration(folder: folder, template: template?.template, framework: frameworkOption.framework)
            .validated()
        }
      }
      let lock = try exitingOnWriteFailure { () throws(WriteError) in try EditLock(folder) }
      var checked = try exitingOnLoadFailure { () throws(LoadError) in try PageRegeneration.check(request) }
      KeepAlive.keep(checked)
      let printer = findingPrinter(checked, folder: folder)
      printer.print(checked.diagnostics)
      let report = try exitingOnFailure { () throws(DisarmError) in
        let plan = try DisarmError.refusing { () throws(EditRefusal) in
          try PageRegeneration.plan(request, checked: &checked).verified()
        }
        return try DisarmError.writing { () throws(WriteError) in try plan.write(holding: lock) }
      }
      checked.record(report.conflicts)
      list(report.written)
      printer.print(checked.diagnostics.filter { $0.rule == PageChangedOnDiskRule.id })
      try finish(checked, tail: "; \(Summary.plural(report.written.count, "page")) rewritten", drift: false)
    }

    /// Prints findings to stderr, as `path:line:column: severity: message [rule]`.
    func findingPrinter(_ checked: CheckedKnowledgeBase, folder: URL) -> FindingPrinter {
      FindingPrinter(
        kb: checked.kb, minimum: quiet ? .error : .warning, style: colorOptions.style(for: STDERR_FILENO),
        pathPrefix: KnowledgeBaseLocation.displayPrefix(for: folder))
    }

    /// The summary line, then the exit status.
    func finish(_ checked: CheckedKnowledgeBase, tail: String, drift: Bool) throws {
      Terminal.status(Summary.line(for: checked) + tail)
      if checked.hasUnreadableFiles { throw ExitStatus.failure }
      if checked.count(.error) > 0 || drift { throw ExitStatus.findings }
    }

    /// Lists (and with --diff shows) each page that differs, or that was rewritten.
    func list(_ changes: [PageSync.Change]) {
      for change in changes {
        let verb =
          check ? (change.isCreation ? "would create" : "would update") : (change.isCreation ? "created" : "updated")
        Terminal.output("\(verb): \(TerminalText.inert(change.page.path))")
        // Page text reaches the terminal: each line made inert (escape sequences shown, never sent).
        if diff {
          let lines = UnifiedDiff.diff(change).split(separator: "\n", omittingEmptySubsequences: false)
          Terminal.output(lines.map { TerminalText.inert(String($0)) }.joined(separator: "\n"), terminator: "")
        }
      }
    }
  }
}

/// A page template generation chosen on the command line.
enum TemplateChoice: String, ExpressibleByArgument, CaseIterable {
  case v2022 = "2022"
  case v2025 = "2025"

  var template: KnowledgeBase.Template { self == .v2022 ? .generation2022 : .generation2025 }
}
