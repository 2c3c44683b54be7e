import ArgumentParser
import DisarmBrowsing
import DisarmDiagnostics
import DisarmExports
import DisarmLint
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmSupport
import Foundation

extension Disarm {
  /// `disarm show ID`: everything the knowledge base knows about one object.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show an object: its summary, fields, relations, incidents and notes.",
      discussion: """
        QUERY is an identifier in any letter case (t0151.008) or a name or part of one ("microblogging"). \
        Exit codes: 0 shown; 1 not found or ambiguous (suggestions and candidates are listed); 2 usage or I/O failure.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, markdown, json
    }

    @Argument(help: "An identifier or a name.", completion: IdentifierCompletion.kind)
    var query: String

    @OptionGroup var knowledgeBase: KnowledgeBaseOption

    @Option(help: "Output format: text, markdown or json.")
    var format: Format = .text

    @OptionGroup var colorOptions: ColorOptions

    @Option(help: "Wrap text to this many columns (default: the terminal's width, or 80).")
    var width: Int?

    @Flag(help: "Show incident descriptions in full instead of shortened.")
    var full = false

    @Flag(help: "Never use a pager.")
    var noPager = false

    func run() throws {
      let kb = try knowledgeBase.load()
      let found = ObjectLookup(kb).find(query)
      Trace.mark("lookup")
      defer { Trace.mark("view") }
      switch found {
      case .found(let object): show(ObjectView(object, in: kb))
      case .ambiguous(let candidates): try listCandidates(candidates)
      case .retired(let entry, let replacement): show(RetiredObjectView(entry, replacement: replacement, in: kb))
      case .notFound(let suggestions): try suggest(suggestions)
      }
    }

    /// Prints the object in the chosen format, the text through the pager.
    func show(_ view: ObjectView) {
      switch format {
      case .text:
        let text = view.text(
          width: width ?? TerminalSize.columns(), style: colorOptions.style(), descriptionLimit: full ? nil : 300)
        Pager.print(text, allowed: !noPager)
      case .markdown: Terminal.output(view.markdown(), terminator: "")
      case .json: Terminal.output(String(decoding: JSONWriter.write(view.json()), as: UTF8.self), terminator: "")
      }
    }

    /// Prints what a retired identifier was, when and why it went, and where it went.
    func show(_ view: RetiredObjectView) {
      switch format {
      case .text: Terminal.output(view.text(), terminator: "")
      case .markdown: Terminal.output(view.markdown(), terminator: "")
      case .json: Terminal.output(String(decoding: JSONWriter.write(view.json()), as: UTF8.self), terminator: "")
      }
    }

    /// Lists the objects an ambiguous query matches (at most 30) and exits 1.
    func listCandidates(_ candidates: [DisarmObject]) throws {
      Terminal.status("disarm: '\(TerminalText.inert(query))' matches \(candidates.count) objects; give one of:")
      for candidate in candidates.prefix(30) {
        Terminal.status("  \(candidate.id)  \(TerminalText.inert(candidate.name))")
      }
      if candidates.count > 30 { Terminal.status("  … and \(candidates.count - 30) more") }
      throw ExitStatus.findings
    }

    /// Says nothing matched, with the suggestions, and exits 1.
    func suggest(_ suggestions: [DisarmObject]) throws {
      var message = "disarm: no object '\(TerminalText.inert(query))'"
      if !suggestions.isEmpty { message += "; did you mean:" }
      Terminal.status(message)
      for suggestion in suggestions { Terminal.status("  \(suggestion.id)  \(TerminalText.inert(suggestion.name))") }
      throw ExitStatus.findings
    }
  }
}
