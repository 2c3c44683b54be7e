import ArgumentParser
import DisarmDiagnostics
import DisarmEditing
import DisarmLint
import DisarmModel
import DisarmRegeneration
import DisarmSupport
import Foundation

extension Disarm {
  /// `disarm new KIND --name NAME`: a new object under the next identifier never used.
  struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "new",
      abstract: "Add an object under the next identifier never used, and update the derived pages.",
      discussion: """
        KIND is a kind in the framework's words (technique, assessment, task, tactic, incident, counter…). The \
        identifier is the next one never used: not live, not stale, not retired (retired.yml), not another page's \
        file name in another letter case. The page is written in the knowledge base's template, then every derived \
        page that changes is regenerated, as `build --write` does. Prints the new page's path. Exit codes: 0 \
        written; 1 a page changed on disk meanwhile (left alone); 2 bad input (unknown kind, parent or tactic, an \
        empty or taken name), nothing written.
        """)

    @Argument(help: "The kind of object (technique, assessment, task, tactic, incident, counter, …).")
    var kind: String

    @Option(help: "The new object's name.")
    var name: String

    @Option(help: "Its summary (default: empty; fill it in the page).")
    var summary: String = ""

    @Option(help: "For a sub-technique: its parent technique (the tactic is the parent's).")
    var parent: String?

    @Option(help: "The tactic a technique, task or counter belongs to.")
    var tactic: String?

    @Option(help: "The phase a tactic belongs to.")
    var phase: String?

    @OptionGroup var knowledgeBase: KnowledgeBaseOption

    @Flag(help: "Print what would be written, and write nothing.")
    var dryRun = false

    @Flag(help: "Open the new page in $EDITOR once written.")
    var edit = false

    func run() throws {
      let location = KnowledgeBaseLocation.find(explicit: knowledgeBase.kb)
      let folder = try exitingOnLoadFailure { () throws(LoadError) in try PageFolder.resolve(location) }
      let plan = try exitingOnFailure { () throws(DisarmError) in
        try DisarmError.refusing { () throws(EditRefusal) in
          let request = NewObject.Request(
            folder: folder, framework: knowledgeBase.framework.framework, kind: kind, name: name, summary: summary,
            parent: parent, tactic: tactic, phase: phase)
          return try NewObject.plan(request.validated())
        }
      }
      let display = KnowledgeBaseLocation.displayPrefix(for: folder)
      if dryRun {
        for change in plan.changes.changes {
          Terminal.status("would \(change.isCreation ? "create" : "update"): \(display)\(change.page.path)")
        }
        Terminal.output(String(decoding: plan.page, as: UTF8.self), terminator: "")
        return
      }
      let report = try exitingOnFailure { () throws(DisarmError) in
        let verified = try DisarmError.refusing { () throws(EditRefusal) in try plan.changes.verified() }
        return try DisarmError.writing { () throws(WriteError) in try verified.write() }
      }
      try announce(report, of: plan, in: folder, display: display)
    }

    /// Lists the pages written and left alone, prints the new page's path and opens it when asked.
    func announce(_ report: EditReport, of plan: NewObject.Plan, in folder: URL, display: String) throws {
      for change in report.written where !change.isCreation {
        Terminal.status("updated: \(display)\(change.page.path)")
      }
      for conflict in report.conflicts {
        Terminal.status(
          "\(display)\(conflict.path): changed on disk while disarm was running; not rewritten; run 'disarm build --write'"
        )
      }
      guard !report.skipped(plan.path) else {
        Terminal.error("\(display)\(plan.path) appeared while disarm was running; nothing created")
        throw ExitStatus.failure
      }
      Terminal.output(folder.appendingPathComponent(plan.path).relativePath)
      if edit { try openEditor(folder.appendingPathComponent(plan.path).path) }
      if !report.conflicts.isEmpty { throw ExitStatus.findings }
    }

    /// Opens `$VISUAL` or `$EDITOR` (else `vi`) on `path`, in this terminal.
    func openEditor(_ path: String) throws {
      let environment = ProcessInfo.processInfo.environment
      let editor = environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["EDITOR"] ?? "vi"
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", "\(editor) \"$1\"", "disarm-edit", path]
      try process.run()
      process.waitUntilExit()
    }
  }
}
