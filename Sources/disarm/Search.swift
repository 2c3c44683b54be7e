import ArgumentParser
import DisarmBrowsing
import DisarmDiagnostics
import DisarmExports
import DisarmLint
import DisarmModel
import DisarmParser
import DisarmRegeneration
import Foundation

extension Disarm {
  /// `disarm search QUERY`: ranked full-text search.
  struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "search",
      abstract: "Search names, summaries and incident descriptions; best matches first.",
      discussion: "Every word of QUERY must occur. Exit codes: 0 hits found; 1 no hit; 2 usage or I/O failure.")

    @Argument(help: "Words to search for.")
    var query: [String]

    @Option(help: "Show at most this many hits.")
    var limit = 20

    @OptionGroup var knowledgeBase: KnowledgeBaseOption

    @OptionGroup var colorOptions: ColorOptions

    func run() throws {
      let kb = try knowledgeBase.load()
      let text = query.joined(separator: " ")
      let hits = SearchIndex(kb).search(text, limit: limit)
      guard !hits.isEmpty else {
        Terminal.status("disarm: nothing matches '\(TerminalText.inert(text))'")
        throw ExitStatus.findings
      }
      Terminal.output(SearchResultsView(hits).text(style: colorOptions.style()), terminator: "")
    }
  }
}
