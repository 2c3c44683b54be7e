import DisarmBrowsing
import DisarmDiagnostics
import DisarmExports
import DisarmLint
import DisarmModel

/// Prints findings for people with the one ``DiagnosticFormatter``, so `build` and `lint` show a finding the same
/// way: location line, source excerpt with a caret, notes.
enum DiagnosticOutput {
  static func text(_ diagnostics: [Diagnostic], of kb: KnowledgeBase, style: ANSIStyle, pathPrefix: String) -> String {
    let sources = kb.sourceFiles()
    return DiagnosticFormatter(style: style, pathPrefix: pathPrefix).format(diagnostics) { sources[$0] }
  }
}
