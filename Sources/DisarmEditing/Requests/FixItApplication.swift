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
      let byteEdits = edits[path, default: []].map {
        ByteEdit(range: $0.range.start.offset..<$0.range.end.offset, replacement: Array($0.replacement.utf8))
      }
      return RenderedPage(path: path, bytes: ByteEdit.applied(byteEdits, to: file.bytes), basis: .bytes(file.bytes))
    }
  }
}
