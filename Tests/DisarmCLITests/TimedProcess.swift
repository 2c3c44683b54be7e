import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a run of the built binary ended, for tests that must fail (not hang) when `disarm` hangs or traps.
struct TimedRun {
  enum Ending: Equatable, CustomStringConvertible {
    /// Exited normally with this status.
    case exited(Int32)
    /// Killed by a signal it raised or received (a trap is SIGILL or SIGTRAP, a crash SIGSEGV, SIGABRT, …).
    case signalled(Int32)
    /// Still running after the timeout; killed with SIGKILL.
    case timedOut

    var description: String {
      switch self {
      case .exited(let status): "exited with status \(status)"
      case .signalled(let signal): "killed by signal \(signal) (a trap or crash)"
      case .timedOut: "did not finish in time (killed)"
      }
    }
  }

  var ending: Ending
  var stdout: Data
  var stderr: String
  var seconds: Double

  var status: Int32? { if case .exited(let status) = ending { status } else { nil } }
  var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
  /// stderr without warning lines, for failure messages that stay short.
  var stderrSummary: String {
    stderr.split(separator: "\n").filter { !$0.contains(": warning: ") }.prefix(20).joined(separator: "\n")
  }
}

extension DisarmProcess {
  /// The benchmark tool `disarm-bench`, built next to `disarm`.
  static var benchBinary: URL { binary.deletingLastPathComponent().appendingPathComponent("disarm-bench") }

  /// Runs the built `disarm` like ``run(_:in:environment:)`` but kills it with SIGKILL after `timeout` seconds.
  static func run(_ arguments: [String], timeout: Double, in directory: URL = repository, tool: URL? = nil) throws
    -> TimedRun
  {
    let process = Process()
    process.executableURL = tool ?? binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    let start = DispatchTime.now()
    try process.run()
    // Both pipes are drained while the child runs, so that a full pipe cannot block it.
    let collected = Collected()
    let readers = DispatchGroup()
    for (pipe, isOut) in [(out, true), (err, false)] {
      readers.enter()
      DispatchQueue.global().async {
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        collected.store(data, isOut: isOut)
        readers.leave()
      }
    }
    var timedOut = false
    if finished.wait(timeout: start + timeout) == .timedOut {
      timedOut = true
      kill(process.processIdentifier, SIGKILL)
      finished.wait()
    }
    readers.wait()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    let ending: TimedRun.Ending =
      timedOut
      ? .timedOut
      : process.terminationReason == .uncaughtSignal
        ? .signalled(process.terminationStatus) : .exited(process.terminationStatus)
    return TimedRun(
      ending: ending, stdout: collected.out, stderr: String(decoding: collected.err, as: UTF8.self), seconds: seconds)
  }

  /// Thread-safe holder for what the pipe readers collect.
  private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var outData = Data()
    private var errData = Data()
    func store(_ data: Data, isOut: Bool) {
      lock.lock()
      defer { lock.unlock() }
      if isOut { outData = data } else { errData = data }
    }
    var out: Data {
      lock.lock()
      defer { lock.unlock() }
      return outData
    }
    var err: Data {
      lock.lock()
      defer { lock.unlock() }
      return errData
    }
  }
}
