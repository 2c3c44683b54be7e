import ArgumentParser
import DisarmEmitters
import DisarmModel
import DisarmParser
import Foundation

extension Disarm {
  /// `disarm build`: parse and link the pages, report diagnostics, and write `disarm.json` and the regenerated
  /// pages; or check (`--check`) or bring up to date (`--write`) the pages in place.
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
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

    @Option(name: .shortAndLong, help: "Where to write disarm.json, pages/ and generated_files/.", completion: .directory)
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

    func validate() throws {
      if check && write { throw ValidationError("--check and --write cannot be used together") }
      if diff && !check { throw ValidationError("--diff needs --check") }
    }

    /// The knowledge base and its page folder, or exit 2 with the reason. (A function of its own: a `let` initialised
    /// inside `do`/`catch` around typed-throws calls was miscompiled in release builds, Swift 6.3.)
    func load() throws -> (KnowledgeBase, URL) {
      do {
        let folder = try PageFolder.resolve(directory)
        let kb = try KnowledgeBaseLoader.load(from: folder.path)
        KeepAlive.keep(kb)
        return (kb, folder)
      } catch {
        Terminal.error(error.description)
        throw ExitStatus.failure
      }
    }

    func run() throws {
      let (kb, pageFolder) = try load()
      let rendered = PageRenderer.render(kb, template: template?.template)
      Trace.mark("render pages")
      let diagnostics = (kb.diagnostics + rendered.diagnostics).sorted()
      DiagnosticPrinter.print(diagnostics, minimum: quiet ? .error : .warning)

      var summary = Summary.line(for: kb)
      var drift = false
      do {
        if check || write {
          let changes = try PageSync.changes(rendered.pages, in: pageFolder)
          drift = !changes.isEmpty
          for change in changes {
            let verb = check ? (change.isCreation ? "would create" : "would update") : (change.isCreation ? "created" : "updated")
            Terminal.output("\(verb): \(TerminalText.inert(change.page.path))")
            if diff {
              Terminal.output(
                UnifiedDiff.diff(
                  old: change.current ?? [], new: change.page.bytes, oldName: "a/\(change.page.path)",
                  newName: "b/\(change.page.path)"), terminator: "")
            }
          }
          if write { try PageSync.apply(changes, in: pageFolder) }
          let verb = check ? "out of date" : "rewritten"
          summary += "; \(Summary.plural(changes.count, "page")) \(verb)"
        } else {
          let outputFolder = URL(fileURLWithPath: output)
          let target = outputFolder.appendingPathComponent("disarm.json")
          try AtomicFile.stream(toPath: target.path, durable: false) { file in
            KnowledgeBaseJSON.write(for: kb, generator: "disarm \(Disarm.version)", chunk: file.write)
          }
          Trace.mark("write disarm.json")
          let pagesFolder = outputFolder.appendingPathComponent("pages").path
          for page in rendered.pages {
            try AtomicFile.write(page.bytes, toPath: try SafePath.resolvePath(page.path, in: pagesFolder), durable: false)
          }
          Trace.mark("write pages")
          for extra in WholePageRenderer.extras(kb) {
            try AtomicFile.write(extra.bytes, to: try SafePath.resolve(extra.path, in: outputFolder), durable: false)
          }
          summary += "; wrote \(target.relativePath) and \(Summary.plural(rendered.pages.count, "page"))"
        }
      } catch {
        Terminal.error(error.description)
        throw ExitStatus.failure
      }
      Terminal.status(summary)
      if kb.diagnostics.contains(where: { $0.rule == Rules.unreadableFile.id }) { throw ExitStatus.failure }
      if kb.count(.error) > 0 || (check && drift) { throw ExitStatus.findings }
    }
  }
}

/// A page template generation chosen on the command line.
enum TemplateChoice: String, ExpressibleByArgument, CaseIterable {
  case v2022 = "2022"
  case v2025 = "2025"

  var template: KnowledgeBase.Template { self == .v2022 ? .generation2022 : .generation2025 }
}
