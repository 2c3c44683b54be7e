import ArgumentParser
import DisarmDiagnostics
import DisarmEditing
import DisarmImport
import DisarmLint
import DisarmModel
import DisarmReports
import DisarmSupport
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
        STIX 2.1 report referring to them. --into-incident I00123 adds the techniques found to that incident's \
        technique table (the sentence as the row's description, the report as a reference), --new-incident NAME \
        makes a new incident page of them; the technique pages and the incidents index are regenerated, through the \
        knowledge base's one writer, and tagging the same report again changes nothing (--dry-run lists the pages \
        and writes none). Exit codes: 0 read (whatever was found); 1 a report mentions an identifier that does not \
        exist, or a page changed on disk while tagging into an incident (left alone); 2 a report or the knowledge \
        base cannot be read, the incident cannot be written, or a usage error.
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

    @Option(
      help: ArgumentHelp(
        "Add the techniques found to this incident's technique table (the sentence as the description).",
        valueName: "incident"))
    var intoIncident: String?

    @Option(help: ArgumentHelp("Make a new incident page of the techniques found, with this name.", valueName: "name"))
    var newIncident: String?

    @Option(help: "With --into-incident or --new-incident: the report's web address, its reference row.")
    var reference: String?

    @Flag(help: "With --into-incident or --new-incident: list the pages that would be written; write none.")
    var dryRun = false

    @OptionGroup var knowledgeBase: KnowledgeBaseOption

    func validate() throws {
      if intoIncident != nil && newIncident != nil {
        throw ValidationError("--into-incident and --new-incident exclude each other")
      }
      if intoIncident == nil && newIncident == nil && (reference != nil || dryRun) {
        throw ValidationError("--reference and --dry-run go with --into-incident or --new-incident")
      }
    }

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
      if intoIncident != nil || newIncident != nil { try writeIncident(found, kb: kb) }
      let mentions = found.flatMap(\.1)
      let unknown = mentions.filter { if case .unknown = $0.status { true } else { false } }.count
      let retired = mentions.filter { if case .retired = $0.status { true } else { false } }.count
      Terminal.status(
        "disarm tag: \(Summary.plural(mentions.count, "mention")) of \(Set(mentions.map(\.id)).count) objects in "
          + "\(Summary.plural(found.count, "report")); \(retired) retired, \(unknown) unknown")
      if unknown > 0 { throw ExitStatus.findings }
    }

    /// `--into-incident` / `--new-incident`: the techniques found written as the incident's rows, planned as
    /// `disarm import` plans incidents, written through the one writer (or listed, with `--dry-run`).
    func writeIncident(_ found: [(ReportDocument, [Mention])], kb: KnowledgeBase) throws {
      let target: ReportIncidentImport.Target = intoIncident.map { .existing($0) } ?? .new(name: newIncident ?? "")
      let uses = TechniqueEvidence.items(found, kb: kb).map {
        ReportIncidentImport.Use(technique: $0.technique.string, sentence: $0.sentence)
      }
      let plan = try exitingOnFailure { () throws(DisarmError) in
        try DisarmError.refusing { () throws(EditRefusal) in
          let request = ReportIncidentImport.Request(
            into: KnowledgeBaseLocation.find(explicit: knowledgeBase.kb), framework: knowledgeBase.framework.framework,
            target: target, reports: reports, reference: reference, uses: uses)
          return try ReportIncidentImport.plan(request.validated())
        }
      }
      let formatter = DiagnosticFormatter(style: ANSIStyle(enabled: false), pathPrefix: "")
      if !plan.diagnostics.isEmpty {
        Terminal.status(
          plan.diagnostics.map { formatter.format($0) { (_: String) -> SourceFile? in nil } }.joined(), terminator: "")
      }
      guard let changePlan = plan.changePlan, let incident = plan.incidents.first else {
        Terminal.error("the incident was not written")
        throw ExitStatus.failure
      }
      let display = KnowledgeBaseLocation.displayPrefix(for: plan.folder)
      let verb: String
      switch incident.state {
      case .created: verb = dryRun ? "would create" : "created"
      case .updated: verb = dryRun ? "would update" : "updated"
      case .unchanged: verb = "unchanged"
      }
      let techniques = Set(uses.map(\.technique)).count
      Terminal.status(
        "\(verb): \(display)\(incident.path) \(TerminalText.inert(incident.name)) "
          + "(\(Summary.plural(techniques, "technique")) found)")
      let line = "\(Summary.plural(plan.changes.count, "page")) \(dryRun ? "to write" : "written")"
      if dryRun {
        for change in plan.changes {
          Terminal.output("would \(change.isCreation ? "create" : "update"): \(display)\(change.page.path)")
        }
        Terminal.status("dry run: tagged into \(incident.id): " + line)
        return
      }
      let written = try exitingOnFailure { () throws(DisarmError) in
        let verified = try DisarmError.refusing { () throws(EditRefusal) in try changePlan.verified() }
        return try DisarmError.writing { () throws(WriteError) in try verified.write() }
      }
      for conflict in written.conflicts {
        Terminal.status("\(display)\(conflict.path): changed on disk while disarm was running; left alone")
      }
      Terminal.status("tagged into \(incident.id): " + line)
      if !written.conflicts.isEmpty { throw ExitStatus.findings }
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
