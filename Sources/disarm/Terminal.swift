import DisarmDiagnostics
import DisarmRegeneration
import Foundation

/// Writing to the terminal: data to stdout, everything about the run to stderr.
enum Terminal {
  /// A line of results on stdout.
  static func output(_ text: String, terminator: String = "\n") {
    FileHandle.standardOutput.write(Data((text + terminator).utf8))
  }

  /// A line about the run on stderr.
  static func status(_ line: String, terminator: String = "\n") {
    FileHandle.standardError.write(Data((line + terminator).utf8))
  }

  /// An error about the run on stderr; text that came from files or paths is shown inert.
  static func error(_ message: String) { status("disarm: error: \(TerminalText.inert(message))") }
}
