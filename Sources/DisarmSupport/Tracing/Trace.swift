import Dispatch
import Foundation

/// Phase timings on stderr when `DISARM_TRACE=1`, for finding where time goes without a profiler.
public enum Trace {
  nonisolated(unsafe) static var last: UInt64 = 0
  static let enabled = ProcessInfo.processInfo.environment["DISARM_TRACE"] == "1"

  /// Prints the time since the previous mark.
  public static func mark(_ label: String) {
    guard enabled else { return }
    let now = DispatchTime.now().uptimeNanoseconds
    if last == 0 { last = now }
    FileHandle.standardError.write(
      Data(String(format: "trace: %-24@ %7.2f ms\n", label, Double(now &- last) / 1e6).utf8))
    last = now
  }
}
