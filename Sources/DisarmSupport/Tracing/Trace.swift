import Dispatch
import Foundation

/// Phase timings on stderr when `DISARM_TRACE=1`, for finding where time goes without a profiler: the wall time
/// since the previous mark and the processor time of all threads in it (more than the wall time where a phase runs
/// on several cores, less where it waits).
public enum Trace {
  nonisolated(unsafe) static var last: UInt64 = 0
  nonisolated(unsafe) static var lastCPU: Double = 0
  static let enabled = ProcessInfo.processInfo.environment["DISARM_TRACE"] == "1"

  /// Prints the time since the previous mark.
  public static func mark(_ label: String) {
    guard enabled else { return }
    let now = DispatchTime.now().uptimeNanoseconds
    let cpu = processorMilliseconds()
    if last == 0 { (last, lastCPU) = (now, cpu) }
    FileHandle.standardError.write(
      Data(
        String(
          format: "trace: %-24@ %7.2f ms (cpu %7.2f ms)\n", label, Double(now &- last) / 1e6, cpu - lastCPU
        ).utf8))
    (last, lastCPU) = (now, cpu)
  }

  /// User and system time of the whole process so far.
  private static func processorMilliseconds() -> Double {
    var usage = rusage()
    // RUSAGE_SELF (0 on Linux and Darwin; Glibc imports it as an enumeration).
    getrusage(0, &usage)
    let seconds = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
    return seconds * 1000 + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
  }
}
