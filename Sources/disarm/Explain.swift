import ArgumentParser
import DisarmModel

extension Disarm {
  /// `disarm explain RULE`: what a rule checks and how to resolve its findings.
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Explain a lint rule.")

    @Argument(help: "A rule id, as shown in brackets after each finding (e.g. name-mismatch).")
    var rule: String

    func run() throws {
      guard let found = Rules.rule(rule) else {
        let near = Rules.all.map(\.id).filter { $0.contains(rule) || rule.contains($0) }
        Terminal.error("no rule '\(rule)'\(near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?") (see disarm lint --list-rules)")
        throw ExitStatus.findings
      }
      Terminal.output("""
        \(found.id) (\(found.severity.rawValue)\(found.isFixable ? ", fixable with --fix" : ""))
        \(found.summary)

        \(found.explanation)
        """)
    }
  }
}
