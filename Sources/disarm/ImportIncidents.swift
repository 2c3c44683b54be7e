import ArgumentParser
import DisarmDiagnostics
import DisarmEditing
import DisarmImport
import DisarmLint
import DisarmModel
import DisarmRegeneration
import DisarmSupport
import Foundation

extension IncidentImport.InputFormat: ExpressibleByArgument {}

extension CSVDelimiter: ExpressibleByArgument {
  public init?(argument: String) { self.init(named: argument) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Disarm.Import {
  /// Whether the files are a master spreadsheet (an xlsx workbook: by its name, or a zip's first bytes) rather than
  /// incident files.
  var isSpreadsheetImport: Bool {
    guard let first = files.first else { return false }
    let lower = first.lowercased()
    if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") { return true }
    guard files.count == 1, inputFormat == nil, let handle = FileHandle(forReadingAtPath: first) else { return false }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 4)).map { [UInt8]($0) } ?? []
    return head == [0x50, 0x4B, 0x03, 0x04]
  }

  /// `disarm import FILE… --into KB` for incident files.
  func runIncidents() throws {
    let plan = try exitingOnFailure { () throws(DisarmError) in
      try DisarmError.refusing { () throws(EditRefusal) in
        let request = IncidentImport.Request(
          files: files, into: into, framework: frameworkOption.framework, inputFormat: inputFormat,
          stixIDBundles: stixIds, columns: columns, delimiter: delimiter)
        return try IncidentImport.plan(request.validated())
      }
    }
    for remark in plan.remarks { Terminal.status("note: read \(remark)") }
    report(plan.diagnostics.filter { !quiet || $0.severity == .error }, rules: IncidentFindings.descriptions)
    let errors = plan.diagnostics.filter { $0.severity == .error }.count
    let warnings = plan.diagnostics.filter { $0.severity == .warning }.count
    let findings = "\(Summary.plural(errors, "error")), \(Summary.plural(warnings, "warning"))"
    guard let changePlan = plan.changePlan else {
      Terminal.status("\(files.joined(separator: ", ")): \(findings); nothing written")
      throw ExitStatus.findings
    }
    let display = KnowledgeBaseLocation.displayPrefix(for: plan.folder)
    for incident in plan.incidents where !quiet {
      let verb: String
      switch incident.state {
      case .created: verb = dryRun ? "would create" : "created"
      case .updated: verb = dryRun ? "would update" : "updated"
      case .unchanged: verb = "unchanged"
      }
      Terminal.status("\(verb): \(display)\(incident.path) \(incident.name) (\(incident.identity))")
    }
    let counts = Dictionary(grouping: plan.incidents, by: \.state).mapValues(\.count)
    let line =
      "\(Summary.plural(plan.incidents.count, "incident")) (\(counts[.created] ?? 0) new, "
      + "\(counts[.updated] ?? 0) changed, \(counts[.unchanged] ?? 0) unchanged), "
      + "\(Summary.plural(plan.changes.count, "page")) \(dryRun ? "to write" : "written"); \(findings)"
    if dryRun {
      for change in plan.changes {
        Terminal.output("would \(change.isCreation ? "create" : "update"): \(display)\(change.page.path)")
      }
      Terminal.status("dry run: " + line)
      return
    }
    try write(changePlan, display: display, line: line)
  }
}
