import DisarmDiagnostics
import Foundation

/// Sends long output through the user's pager when stdout is a terminal.
enum Pager {
  /// Prints `text`; through `$PAGER` (default `less -FRX`) when stdout is a terminal, paging is allowed, and the text
  /// is taller than the terminal.
  static func print(_ text: String, allowed: Bool) {
    guard allowed, isatty(STDOUT_FILENO) == 1, text.split(separator: "\n").count > TerminalSize.rows() - 1 else {
      Terminal.output(text, terminator: "")
      return
    }
    let command = ProcessInfo.processInfo.environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -FRX"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    let pipe = Pipe()
    process.standardInput = pipe
    do {
      try process.run()
    } catch {
      Terminal.output(text, terminator: "")
      return
    }
    signal(SIGPIPE, SIG_IGN)
    try? pipe.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    try? pipe.fileHandleForWriting.close()
    process.waitUntilExit()
  }
}

/// The terminal's size.
enum TerminalSize {
  static func query() -> winsize? {
    var size = winsize()
    for descriptor in [STDOUT_FILENO, STDERR_FILENO, STDIN_FILENO] where ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0
    {
      if size.ws_col > 0 { return size }
    }
    return nil
  }

  /// Columns: `COLUMNS`, else the terminal's, else 80.
  static func columns() -> Int {
    if let value = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), value > 0 { return value }
    return query().map { Int($0.ws_col) } ?? 80
  }

  static func rows() -> Int {
    if let value = ProcessInfo.processInfo.environment["LINES"].flatMap(Int.init), value > 0 { return value }
    return query().map { Int($0.ws_row) } ?? 24
  }
}
