import DisarmDiagnostics
import DisarmModel
import DisarmRegeneration

/// Turns the fix-its of findings into rewritten pages: each page's bytes as read, with every fix-it's range
/// replaced (from the end backwards, so that earlier offsets stay valid). The pages carry the bytes they were
/// made from as their basis, so writing them is a compare-and-swap like any regeneration.
public enum FixItApplication {
  /// One rewritten page per file that has fix-its; `sources` gives each page's bytes as read.
  public static func pages(fixing diagnostics: [Diagnostic], sources: [String: SourceFile]) -> [RenderedPage] {
    var edits: [String: [FixIt]] = [:]
    for diagnostic in diagnostics where !diagnostic.fixIts.isEmpty {
      edits[diagnostic.file, default: []] += diagnostic.fixIts
    }
    return edits.keys.sorted().compactMap { path in
      guard let file = sources[path] else { return nil }
      var bytes = file.bytes
      // Later ranges first; a fix-it overlapping one already applied is skipped rather than guessed at.
      var applied = bytes.count + 1
      for fix in edits[path, default: []].sorted(by: { $0.range.start.offset > $1.range.start.offset }) {
        let range = fix.range.start.offset..<fix.range.end.offset
        guard range.upperBound <= applied, range.upperBound <= bytes.count else { continue }
        bytes.replaceSubrange(range, with: Array(fix.replacement.utf8))
        applied = range.lowerBound
      }
      return RenderedPage(path: path, bytes: bytes, basis: .bytes(file.bytes))
    }
  }
}
