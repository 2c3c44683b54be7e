import ArgumentParser
import DisarmDiagnostics
import DisarmModel
import DisarmSupport
import DisarmVersions
import Foundation

extension Disarm {
  /// `disarm diff OLD [NEW]`: what changed between two versions of a knowledge base.
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "diff",
      abstract: "Compare two versions of a knowledge base: added, removed, renamed, moved and changed objects.",
      discussion: """
        OLD and NEW are folders, or git revisions (v1.5, HEAD~3, a commit) of the repository holding the knowledge \
        base in --kb (read through git into a temporary folder; the work tree is not touched). Without NEW, OLD is \
        compared with the knowledge base as it is now. Content is compared, not templates: a page moved to another \
        template generation is unchanged when its content is. Exit codes: 0 compared (1 with --exit-code when \
        something changed); 2 usage error, a missing folder, an unknown revision or a folder outside git.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, markdown, json, navigator
    }

    @Argument(help: "The old version: a folder or a git revision.")
    var old: String

    @Argument(help: "The new version: a folder or a git revision (default: the knowledge base as it is now).")
    var new: String?

    @OptionGroup var knowledgeBase: KnowledgeBaseOption

    @Option(help: "Output format: text, markdown (release notes), json or navigator (an ATT&CK Navigator layer).")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "The file to write (default: standard output).", completion: .file())
    var output: String?

    @Flag(help: "Exit 1 when the versions differ.")
    var exitCode = false

    @OptionGroup var colorOptions: ColorOptions

    func run() throws {
      let current = KnowledgeBaseLocation.find(explicit: knowledgeBase.kb)
      let framework = knowledgeBase.framework.framework
      let before = try load(old, current: current, framework: framework)
      let after = try new.map { try load($0, current: current, framework: framework) } ?? knowledgeBase.load()
      Trace.mark("load both")
      let diff = VersionDiff(old: before, new: after, oldLabel: old, newLabel: new ?? current)
      Trace.mark("compare")
      let bytes: [UInt8]
      switch format {
      case .text:
        bytes = Array(
          DiffTextReport.render(diff, style: output == nil ? colorOptions.style() : ANSIStyle(enabled: false)).utf8)
      case .markdown: bytes = Array(DiffMarkdownReport.render(diff).utf8)
      case .json: bytes = DiffJSONReport.render(diff)
      case .navigator: bytes = DiffNavigatorLayer.render(diff, old: before, new: after)
      }
      try ExportSTIX.write(bytes, to: output)
      if let output { Terminal.status("disarm: wrote \(output)") }
      if exitCode, !diff.isEmpty { throw ExitStatus.findings }
    }

    private func load(_ argument: String, current: String, framework: String?) throws -> KnowledgeBase {
      do {
        return try VersionSource.load(argument, revisionOf: current, framework: framework)
      } catch {
        Terminal.error(error.description)
        throw ExitStatus.failure
      }
    }
  }
}
