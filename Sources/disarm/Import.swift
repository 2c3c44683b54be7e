import ArgumentParser
import DisarmDiagnostics
import DisarmEditing
import DisarmImport
import DisarmLint
import DisarmModel
import DisarmRegeneration
import DisarmSupport
import Foundation

extension Disarm {
  /// `disarm import SPREADSHEET`: the framework's master spreadsheet made into its page tree.
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract:
        "Write the page tree of a master spreadsheet (.xlsx), or add incidents from STIX bundles, MISP events or CSV.",
      discussion: """
        Incidents: FILE… are STIX 2.1 bundles, MISP event exports or CSV datasets (recognised from the content, or \
        --input-format; a CSV dataset's delimiter, ',', ';' or tab, is told from its header row unless --delimiter \
        names it), imported into the existing knowledge base --into: each incident becomes an incident page \
        (found again by its source identity, the page's 'Imported from' field; else given the next identifier), and \
        the technique pages and the incidents index are regenerated. Everything is checked first, at \
        file:line:column (JSON) or file:row:column (CSV); with an error nothing is written (exit 1).

        Spreadsheet: reads SPREADSHEET (DISARM_FRAMEWORKS_MASTER.xlsx) and, for incidents, the data workbook (--data, by default \
        DISARM_DATA_MASTER.xlsx beside it; without one the incident pages already in the folder are kept). The \
        spreadsheet is checked first: a missing sheet or column, a row whose identifier is not one or a duplicate \
        identifier is reported as 'book.xlsx:sheet!C12: error: …', and with an error nothing is written. What \
        DISARM's generator tolerated (a row naming a technique no sheet has, ' T0122' with a leading space, an \
        identifier with spaces around it, a row without identifier, a year read as 2016.0) is a warning saying what \
        the page shows, and the pages come out as the generator wrote them; --strict makes those errors. Without a \
        page folder or --template, the template is the generator's: 2025 when the data workbook has the \
        associatedtechniques sheet, else 2022. Otherwise every object page, index, matrix and response-type table is written \
        into --into through the safe writer, in the folder's template (else --template, else 2025); the notes below \
        the marker of pages already there are kept byte for byte. Pages of objects the spreadsheet no longer has are \
        listed, and removed with --prune. Exit codes: 0 imported; 1 the spreadsheet has errors (nothing written) or \
        a page changed on disk meanwhile (left alone); 2 unreadable or not an xlsx workbook, or a usage or I/O error.
        """)

    @Argument(
      help: "The framework's master spreadsheet (.xlsx), or incident files (STIX bundle, MISP events, CSV dataset).",
      completion: .file(extensions: ["xlsx", "json", "csv"]))
    var files: [String]

    /// The master spreadsheet, when the import is one.
    var spreadsheet: String { files[0] }

    @Option(help: "The format of the incident files: stix, misp or csv (default: recognised from the content).")
    var inputFormat: IncidentImport.InputFormat?

    @Option(
      parsing: .upToNextOption,
      help: "STIX bundles whose attack-patterns' ids are recognised too, beside DISARM's and this knowledge base's.")
    var stixIds: [String] = []

    @Option(
      help: "A YAML file saying which CSV column is the name, summary, year, country, actor, sources and techniques.",
      completion: .file(extensions: ["yml", "yaml"]))
    var columns: String?

    @Option(
      help: ArgumentHelp(
        "The CSV datasets' delimiter: comma, semicolon or tab (default: the one the header row holds most).",
        valueName: "delimiter"))
    var delimiter: CSVDelimiter?

    @Option(help: "The folder to write the pages into (or one holding generated_pages/).", completion: .directory)
    var into: String = "data"

    @Option(help: "The data workbook with incidents (default: DISARM_DATA_MASTER.xlsx beside SPREADSHEET, if any).")
    var data: String?

    @Option(help: "Write pages in this template generation (2022 or 2025); default: the folder's, else 2025.")
    var template: TemplateChoice?

    @Flag(help: "Remove the pages of objects the spreadsheet no longer has.")
    var prune = false

    @Flag(help: "Refuse every quirk DISARM's generator tolerated (each warning becomes an error; nothing written).")
    var strict = false

    @Flag(help: "Check and list what would be written; write nothing.")
    var dryRun = false

    @Option(help: "How to report the spreadsheet's findings: text, json, sarif or github.")
    var format: Lint.Format = .text

    @Flag(name: .shortAndLong, help: "Print only errors and the summary line.")
    var quiet = false

    @OptionGroup var colorOptions: ColorOptions

    @OptionGroup var frameworkOption: FrameworkOption

    func validate() throws {
      guard !files.isEmpty else { throw ValidationError("give the spreadsheet or the incident files to import") }
      if isSpreadsheetImport {
        guard files.count == 1 else { throw ValidationError("a master spreadsheet is imported on its own") }
        guard inputFormat == nil, stixIds.isEmpty, columns == nil, delimiter == nil else {
          throw ValidationError(
            "--input-format, --stix-ids, --columns and --delimiter apply to incident files, not to a spreadsheet")
        }
      } else {
        guard data == nil, template == nil, !prune, !strict else {
          throw ValidationError("--data, --template, --prune and --strict apply to a master spreadsheet only")
        }
      }
    }

    func run() throws {
      if !isSpreadsheetImport { return try runIncidents() }
      let plan = try exitingOnFailure { () throws(DisarmError) in
        try DisarmError.refusing { () throws(EditRefusal) in
          let request = WorkbookImport.Request(
            workbook: spreadsheet, data: data, into: into, framework: frameworkOption.framework,
            template: template?.template, prune: prune, strict: strict)
          return try WorkbookImport.plan(request.validated())
        }
      }
      KeepAlive.keep(plan.built)
      Trace.mark("plan")
      // Which workbooks were read is said whatever happens next.
      for remark in plan.remarks { Terminal.status("note: \(remark)") }
      report(plan.diagnostics.filter { !quiet || $0.severity == .error })
      let errors = plan.diagnostics.filter { $0.severity == .error }.count
      let warnings = plan.diagnostics.filter { $0.severity == .warning }.count
      let findings = "\(Summary.plural(errors, "error")), \(Summary.plural(warnings, "warning"))"
      guard let changePlan = plan.changePlan else {
        Terminal.status("\(spreadsheet): \(findings); nothing written")
        throw ExitStatus.findings
      }
      Trace.mark("report")
      let display = KnowledgeBaseLocation.displayPrefix(for: plan.folder)
      announce(plan, display: display)
      let line = summary(plan, findings: findings)
      if dryRun {
        for change in plan.changes {
          Terminal.output("would \(change.isCreation ? "create" : "update"): \(display)\(change.page.path)")
        }
        Terminal.status("dry run: " + line)
        return
      }
      try write(changePlan, display: display, line: line)
    }

    /// Writes the import through the editing executor and reports what it left alone.
    func write(_ changePlan: ChangePlan, display: String, line: String) throws {
      let written = try exitingOnFailure { () throws(DisarmError) in
        let verified = try DisarmError.refusing { () throws(EditRefusal) in try changePlan.verified() }
        Trace.mark("verify")
        defer { Trace.mark("write") }
        return try DisarmError.writing { () throws(WriteError) in try verified.write() }
      }
      for conflict in written.conflicts {
        Terminal.status("\(display)\(conflict.path): changed on disk while disarm was running; left alone")
      }
      Terminal.status("imported into \(display.isEmpty ? "." : display) " + line)
      if !written.conflicts.isEmpty { throw ExitStatus.findings }
    }

    /// The pages of objects the spreadsheet no longer has.
    func announce(_ plan: WorkbookImport.Plan, display: String) {
      for page in plan.notInSpreadsheet {
        let verb = prune ? (dryRun ? "would remove" : "removed") : "not in the spreadsheet (--prune removes it)"
        Terminal.status("\(verb): \(display)\(page.path)")
      }
    }

    /// `disarm-1, template 2025: 786 pages (786 new, 0 changed, 0 unchanged); 0 errors, 0 warnings`.
    func summary(_ plan: WorkbookImport.Plan, findings: String) -> String {
      let created = plan.changes.filter(\.isCreation).count
      let updated = plan.changes.count - created
      let unchanged = plan.pages.count - plan.changes.count
      return "\(plan.framework.name), template \(plan.template.rawValue): \(Summary.plural(plan.pages.count, "page")) "
        + "(\(created) new, \(updated) changed, \(unchanged) unchanged); \(findings)"
    }

    /// The spreadsheet's findings in the chosen format: text to stderr (like `build`), the others to stdout.
    func report(_ diagnostics: [Diagnostic], rules: [RuleDescription] = SpreadsheetChecks.descriptions) {
      switch format {
      case .text:
        let formatter = DiagnosticFormatter(style: colorOptions.style(for: STDERR_FILENO), pathPrefix: "")
        Terminal.status(diagnostics.map { formatter.format($0) { _ in nil } }.joined(), terminator: "")
      case .json:
        let report = JSONReporter.report(diagnostics, tool: "disarm \(Disarm.version)")
        Terminal.output(String(decoding: report, as: UTF8.self), terminator: "")
      case .sarif:
        let log = SARIFReporter.report(diagnostics, rules: rules, version: Disarm.version)
        Terminal.output(String(decoding: log, as: UTF8.self), terminator: "")
      case .github:
        Terminal.output(GitHubReporter().report(diagnostics), terminator: "")
      }
    }
  }
}
