import DisarmDiagnostics
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmSupport
import Foundation

/// One `disarm lint`: the knowledge base loaded and checked, its pages compared with their regenerated form, the
/// configuration applied (severities, exclusions) and the findings narrowed to the selected pages.
public struct LintRun {
  /// The whole knowledge base with every finding, before configuration and selection (for excerpts and exit codes).
  public let checked: CheckedKnowledgeBase
  /// The findings to report, sorted.
  public let findings: [Diagnostic]

  /// Lints the page folder `folder`.
  /// `carrying` holds findings of an earlier step of the same command (pages `--fix` could not rewrite).
  public static func run(
    folder: URL, configuration: LintConfiguration, selection: PageSelection?, carrying: [Diagnostic] = [],
    framework: String? = nil, against base: KnowledgeBase? = nil
  ) throws(DisarmError) -> LintRun {
    var checked = try load(folder, framework: framework, against: base)
    _ = try DisarmError.writing { () throws(WriteError) in try checked.changes(in: folder, reporting: true) }
    Trace.mark("compare with the files")
    var findings = configuration.apply(checked.diagnostics + carrying)
    if let selection { findings = findings.filter(selection.contains) }
    return LintRun(checked: checked, findings: findings.sorted())
  }

  /// The checked knowledge base of `folder`.
  static func load(_ folder: URL, framework: String?, against base: KnowledgeBase? = nil) throws(DisarmError)
    -> CheckedKnowledgeBase
  {
    try DisarmError.loading { () throws(LoadError) in
      try CheckedKnowledgeBase.load(folder.path, framework: framework, against: base)
    }
  }

  /// Whether the run should fail: a finding at error severity, or at warning severity when `strict`.
  public func fails(strict: Bool) -> Bool {
    findings.contains { $0.severity == .error || (strict && $0.severity == .warning) }
  }

  /// `disarm lint: 2 errors, 3 warnings in 4 files`.
  public var summaryLine: String {
    let errors = findings.count { $0.severity == .error }
    let warnings = findings.count { $0.severity == .warning }
    let files = Set(findings.map(\.file)).count
    return "disarm lint: \(Summary.plural(errors, "error")), \(Summary.plural(warnings, "warning")) in "
      + Summary.plural(files, "file")
  }
}
