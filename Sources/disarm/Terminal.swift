import Foundation

/// Writing to the terminal: data to stdout, everything about the run to stderr.
enum Terminal {
  static func status(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
  static func error(_ message: String) { status("disarm: error: \(message)") }
}
