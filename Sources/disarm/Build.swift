import ArgumentParser
import DisarmEmitters
import DisarmModel
import DisarmParser
import Foundation

extension Disarm {
  /// `disarm build`: parse and link the pages, report diagnostics, write `disarm.json`.
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Parse and link a knowledge base and write OUT/disarm.json.",
      discussion: """
        DIR is the page folder (holding techniques/, tactics/, …) or a folder that contains generated_pages/.
        Diagnostics go to stderr as 'path:line:column: severity: message [rule]', then a summary line.
        Exit codes: 0 no errors; 1 the knowledge base has errors; 2 usage or I/O failure.
        """)

    @Argument(help: "The knowledge base folder.", completion: .directory)
    var directory: String = "data"

    @Option(name: .shortAndLong, help: "Where to write disarm.json.", completion: .directory)
    var output: String = "build"

    @Flag(name: .shortAndLong, help: "Print only errors and the summary line.")
    var quiet = false

    func run() throws {
      let kb: KnowledgeBase
      do {
        kb = try KnowledgeBaseLoader.load(from: directory)
      } catch {
        Terminal.error(error.description)
        throw ExitStatus.failure
      }
      DiagnosticPrinter.print(kb.diagnostics, minimum: quiet ? .error : .note)

      let json = JSONWriter.write(KnowledgeBaseJSON.document(for: kb, generator: "disarm \(Disarm.version)"))
      let outputFolder = URL(fileURLWithPath: output)
      let target = outputFolder.appendingPathComponent("disarm.json")
      let rendered = PageRenderer.render(kb)
      do {
        try AtomicFile.write(json, to: target)
        let pagesFolder = outputFolder.appendingPathComponent("pages")
        for page in rendered.pages {
          try AtomicFile.write(page.bytes, to: pagesFolder.appendingPathComponent(page.path))
        }
        for extra in WholePageRenderer.extras(kb) {
          try AtomicFile.write(extra.bytes, to: outputFolder.appendingPathComponent(extra.path))
        }
      } catch {
        Terminal.error(error.description)
        throw ExitStatus.failure
      }
      Terminal.status(Summary.line(for: kb) + "; wrote \(target.relativePath) and \(rendered.pages.count) pages")
      if kb.diagnostics.contains(where: { $0.rule == Rules.unreadableFile.id }) { throw ExitStatus.failure }
      if kb.count(.error) > 0 { throw ExitStatus.findings }
    }
  }
}
