import DisarmEmitters
import DisarmModel
import DisarmParser

/// Turns pages whose regenerated form differs from the file into `derived-out-of-date` findings at the first
/// differing line.
enum DriftReport {
  static func diagnostics(_ changes: [PageSync.Change]) -> [Diagnostic] {
    changes.map { change in
      guard let current = change.current else {
        return Rules.derivedOutOfDate.diagnostic(file: change.page.path, "derived page is missing; --fix creates it")
      }
      let old = current.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      let new = change.page.bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      var line = 0
      while line < old.count, line < new.count, old[line] == new[line] { line += 1 }
      let expected = line < new.count ? String(decoding: new[line], as: UTF8.self) : "(end of page)"
      let shown = expected.count > 80 ? String(expected.prefix(77)) + "…" : expected
      return Rules.derivedOutOfDate.diagnostic(
        file: change.page.path, line: min(line + 1, max(old.count, 1)), column: 1,
        "derived content is out of date; this line should read '\(shown)' (--fix regenerates it)")
    }
  }
}
