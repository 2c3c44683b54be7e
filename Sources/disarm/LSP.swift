import ArgumentParser
import DisarmLanguageServer
import Foundation

extension Disarm {
  /// `disarm lsp`: the language server, for editors (docs/EDITORS.md).
  struct LSP: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "lsp",
      abstract: "Run the language server (LSP 3.17 over stdin and stdout) for editors.",
      discussion: """
        Editors start it themselves (see docs/EDITORS.md). The workspace folder is the knowledge base (or holds \
        generated_pages/ or data/). Offers diagnostics as you type, hover, go to definition, find references, \
        completion of identifiers, document and workspace symbols, code actions (fix-its, derived content \
        regenerated) and renames of an object's name or identifier. Exit codes: 0 after shutdown and exit; 1 when \
        the input ends or exit comes without shutdown.
        """)

    func run() throws {
      LanguageServer.version = Disarm.version
      // A client that goes away while an answer is written must not kill the server with SIGPIPE mid-message.
      signal(SIGPIPE, SIG_IGN)
      let status = LanguageServer().run(input: STDIN_FILENO, output: STDOUT_FILENO)
      throw ExitCode(status)
    }
  }
}
