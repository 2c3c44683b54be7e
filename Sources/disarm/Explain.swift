import ArgumentParser
import DisarmDiagnostics
import DisarmImport
import DisarmLint

extension Disarm {
  /// `disarm explain RULE`: what a rule checks, how to resolve its findings, and examples that do and do not
  /// trigger it.
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain a lint rule.")

    @Argument(help: "A rule id, as shown in brackets after each finding (e.g. name-mismatch).")
    var rule: String

    func run() throws {
      if RuleRegistry.rule(named: rule) == nil,
        let text = SpreadsheetCheckExplanation.text(for: rule) ?? IncidentFindings.explanation(for: rule)
      {
        Terminal.output(text, terminator: "")
        return
      }
      guard let found = RuleRegistry.rule(named: rule) else {
        let near = RuleExplanation.suggestions(for: rule)
        let suggestion = near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?"
        Terminal.error("no rule '\(rule)'\(suggestion) (see disarm lint --list-rules)")
        throw ExitStatus.findings
      }
      Terminal.output(RuleExplanation.text(for: found), terminator: "")
    }
  }
}
