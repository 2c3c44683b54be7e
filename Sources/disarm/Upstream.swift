import ArgumentParser
import DisarmDiagnostics
import DisarmEditing
import DisarmMigration
import DisarmModel
import Foundation

extension Disarm {
  /// `disarm upstream`: a knowledge base that extends an upstream one (`extends:` in `.disarm.yml`).
  struct Upstream: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "upstream",
      abstract: "Show or update the upstream knowledge base an extension rides on.",
      discussion: """
        A knowledge base whose .disarm.yml says 'extends: FOLDER' (or 'extends: {repository: REPO, revision: REV}') \
        holds only its own objects and incidents; every command reads the upstream's pages with them. See \
        docs/MIGRATE.md.
        """,
      subcommands: [Status.self, Update.self], defaultSubcommand: Status.self)
  }
}

extension Disarm.Upstream {
  /// `disarm upstream status`: what the extension reads from where.
  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Say which upstream the knowledge base extends, and how many objects are its own.",
      discussion: "Exit codes: 0 an extension; 1 the knowledge base extends nothing; 2 it cannot be read.")

    @OptionGroup var knowledgeBase: KnowledgeBaseOption

    func run() throws {
      let kb = try knowledgeBase.load()
      guard let upstream = kb.upstream else {
        Terminal.status("disarm upstream: the knowledge base extends no upstream (no 'extends:' in .disarm.yml)")
        throw ExitStatus.findings
      }
      Terminal.output(upstream.status(of: kb))
    }
  }

  /// `disarm upstream update --to REV`: the extension moved to a new upstream release.
  struct Update: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Move the knowledge base to a new upstream release and migrate its own pages' references.",
      discussion: """
        REV is a folder inside the knowledge base (for 'extends: FOLDER') or a git revision (for 'extends: \
        {repository, revision}'). The local pages' references are mapped as disarm migrate maps them (renamed names \
        updated, retired codes replaced through the new register), the pages derived from the union are \
        regenerated, and the extends value in .disarm.yml is rewritten, every other byte kept; all through the one \
        writer. Conflicts are review items: a local page naming an upstream object the new release removed, a local \
        sub-technique whose upstream parent moved or was retired, a local identifier the new upstream now has, any \
        other new error of a local page. Exit codes: 0 updated (or accepted with --accept-review); 1 something \
        needs review (nothing written); 2 a usage error, a release that cannot be read, or a write that failed.
        """)

    @Option(help: "The new upstream release: a folder or a git revision.")
    var to: String

    @Flag(help: "Write even when something needs review (it is left as written and listed).")
    var acceptReview = false

    @Flag(help: "Report what would change without writing.")
    var dryRun = false

    @Option(help: "The report's format: text, markdown or json.")
    var reportFormat: MigrationReportOutput.Format = .text

    @Option(help: "Write the report to this file instead of standard output.", completion: .file())
    var report: String?

    @OptionGroup var knowledgeBase: KnowledgeBaseOption

    @OptionGroup var colorOptions: ColorOptions

    func run() throws {
      let folder = KnowledgeBaseLocation.find(explicit: knowledgeBase.kb)
      let plan: UpstreamUpdate.Plan
      do {
        let request = UpstreamUpdate.Request(folder: folder, to: to, framework: knowledgeBase.framework.framework)
        plan = try UpstreamUpdate.plan(request.validated())
      } catch {
        Terminal.error(error.description)
        throw ExitStatus.failure
      }
      try MigrationReportOutput.print(
        plan.result, format: reportFormat, to: report, style: colorOptions.style())
      if plan.result.needsReview && !acceptReview {
        Terminal.status("disarm upstream: something needs review; nothing written (--accept-review writes anyway)")
        throw ExitStatus.findings
      }
      if dryRun {
        Terminal.status("disarm upstream: would write \(plan.pages) pages and \(plan.configuration) (--dry-run)")
        return
      }
      do {
        Terminal.status("disarm upstream: \(try plan.write())")
      } catch {
        Terminal.error("\(error)")
        throw ExitStatus.failure
      }
    }
  }
}
