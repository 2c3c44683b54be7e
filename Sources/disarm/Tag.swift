import ArgumentParser
import DisarmDiagnostics
import DisarmLint
import DisarmModel
import DisarmReports
import Foundation

extension Disarm {
  /// `disarm tag REPORT…`: the framework's objects a report mentions.
  struct Tag: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "tag",
      abstract: "Find every object of the framework a report mentions (Markdown, text, HTML, Word, PDF).",
      discussion: """
        Finds identifiers of every kind (T0049.003, TA07, C00012; the name after 'ID: ' is checked), names written \
        without their identifier (exact by default, close matches with --names fuzzy, none with --names off), \
        retired identifiers with their replacement and identifiers that do not exist with the nearest ones. Each \
        finding has its place (line and column; paragraph for Word; page for PDF, read with Poppler's pdftotext) \
        and its sentence. --navigator writes an ATT&CK Navigator layer with the techniques highlighted, --stix a \
        STIX 2.1 report referring to them. Exit codes: 0 read (whatever was found); 1 a report mentions an \
        identifier that does not exist; 2 a report or the knowledge base cannot be read, or a usage error.
        """)

    @Argument(help: "The reports (.md, .txt, .html, .docx, .pdf).", completion: .file())
    var reports: [String]

    @Option(help: "How to find names without identifiers: exact, fuzzy or off.")
    var names: Tagger.Names = .exact

    @Option(help: "The evidence's format: text, markdown, csv, json or sarif.")
    var format: TagOutput.Format = .text

    @Option(help: "Also write an ATT&CK Navigator layer of the techniques found to this file.", completion: .file())
    var navigator: String?

    @Option(help: "Also write a STIX 2.1 bundle with a report referring to the techniques found.", completion: .file())
    var stix: String?

    @OptionGroup var knowledgeBase: KnowledgeBaseOption

    func run() throws {
      let kb = try knowledgeBase.load()
      let tagger = Tagger(kb: kb, names: names)
      var found: [(ReportDocument, [Mention])] = []
      for path in reports {
        let report: ReportDocument
        do {
          report = try ReportReader.read(path)
        } catch {
          Terminal.error(error.description)
          throw ExitStatus.failure
        }
        found.append((report, tagger.mentions(in: report)))
      }
      print(found, kb: kb)
      if let navigator { try ExportSTIX.write(JSONWriter.write(TagLayers.navigator(found, kb: kb)), to: navigator) }
      if let stix { try ExportSTIX.write(JSONWriter.write(TagLayers.stix(found, kb: kb)), to: stix) }
      let mentions = found.flatMap(\.1)
      let unknown = mentions.filter { if case .unknown = $0.status { true } else { false } }.count
      let retired = mentions.filter { if case .retired = $0.status { true } else { false } }.count
      Terminal.status(
        "disarm tag: \(Summary.plural(mentions.count, "mention")) of \(Set(mentions.map(\.id)).count) objects in "
          + "\(Summary.plural(found.count, "report")); \(retired) retired, \(unknown) unknown")
      if unknown > 0 { throw ExitStatus.findings }
    }

    /// A report's control characters made visible, line by line (a report is untrusted text).
    func inert(_ text: String) -> String {
      text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.inert(String($0)) }
        .joined(separator: "\n")
    }

    /// The evidence on standard output.
    func print(_ found: [(ReportDocument, [Mention])], kb: KnowledgeBase) {
      switch format {
      case .text:
        // One line per mention, made inert on its own (a report is untrusted text), written in one piece.
        var lines: [String] = []
        for (report, mentions) in found where !mentions.isEmpty {
          lines += TagOutput.lines(mentions, in: report, kb: kb).map(TerminalText.inert)
        }
        if !lines.isEmpty { Terminal.output(lines.joined(separator: "\n")) }
      case .markdown: Terminal.output(inert(TagOutput.markdown(found, kb: kb)))
      case .csv: Terminal.output(TagOutput.csv(found), terminator: "")
      case .json: Terminal.output(String(decoding: JSONWriter.write(TagOutput.json(found, kb: kb)), as: UTF8.self))
      case .sarif:
        let log = SARIFReporter.report(
          TagOutput.diagnostics(found, kb: kb), rules: TagOutput.rules, version: Disarm.version)
        Terminal.output(String(decoding: log, as: UTF8.self))
      }
    }
  }
}

extension Tagger.Names: ExpressibleByArgument {}
extension TagOutput.Format: ExpressibleByArgument {}
