import DisarmEmitters
import DisarmParser
import Foundation

/// Prints diagnostics to stderr in the `path:line:column: severity: message [rule]` form.
enum DiagnosticPrinter {
  static func print(_ diagnostics: [Diagnostic], minimum: Severity) {
    var text = ""
    for diagnostic in diagnostics where diagnostic.severity >= minimum {
      text += TerminalText.inert(diagnostic.formatted)
      text += "\n"
    }
    FileHandle.standardError.write(Data(text.utf8))
  }
}
