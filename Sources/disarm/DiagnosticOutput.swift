import DisarmBrowsing
import DisarmDiagnostics
import DisarmExports
import DisarmLint
import DisarmModel
import DisarmSupport

/// Prints findings for people with the one ``DiagnosticFormatter``, so `build` and `lint` show a finding the same
/// way: location line, source excerpt with a caret, notes.
enum DiagnosticOutput {
  static func text(_ diagnostics: [Diagnostic], of kb: KnowledgeBase, style: ANSIStyle, pathPrefix: String) -> String {
    let sources = kb.sourceFiles()
    let formatter = DiagnosticFormatter(style: style, pathPrefix: pathPrefix)
    // Each finding is formatted on its own (excerpts cut from its page), so a long report is made on all cores.
    return ParallelMap.map(diagnostics) { formatter.format($0) { sources[$0] } }.joined()
  }
}

/// Prints findings to stderr for `build`, from a minimum severity on (`--quiet` shows errors only).
struct FindingPrinter {
  let kb: KnowledgeBase
  let minimum: Severity
  let style: ANSIStyle
  let pathPrefix: String

  func print(_ diagnostics: [Diagnostic]) {
    let shown = diagnostics.filter { $0.severity >= minimum }
    Terminal.status(DiagnosticOutput.text(shown, of: kb, style: style, pathPrefix: pathPrefix), terminator: "")
  }
}
