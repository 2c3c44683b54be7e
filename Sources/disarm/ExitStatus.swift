import ArgumentParser
import DisarmDiagnostics

/// The documented exit codes.
enum ExitStatus {
  /// The knowledge base has errors (or findings at the failing severity).
  static let findings = ExitCode(1)
  /// Usage error or I/O failure: nothing could be checked or written.
  static let failure = ExitCode(2)
}
