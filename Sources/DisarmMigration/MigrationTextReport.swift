import DisarmDiagnostics

/// `disarm migrate`'s report for a terminal: one line per change in the style of a compiler's diagnostics
/// (`file:place: change: detail`), reviews first, then a summary of distinct identifiers per change.
public enum MigrationTextReport {
  public static func render(_ result: MigrationResult, style: ANSIStyle) -> String {
    var lines: [String] = []
    let order: [MigrationItem.Change] = [.review, .replaced, .merged, .moved, .renamed]
    for change in order {
      for item in result.items where item.change == change {
        // The file's words are untrusted: made inert before the style's escape codes are added.
        let label = change == .review ? style.yellow("review") : change.rawValue
        lines.append(
          "\(TerminalText.inert(item.file)):\(TerminalText.inert(item.place)): \(label): "
            + TerminalText.inert(item.detail))
      }
    }
    lines.append(TerminalText.inert(summary(result)))
    return lines.joined(separator: "\n") + "\n"
  }

  /// One line: files, identifiers, and distinct identifiers per change.
  public static func summary(_ result: MigrationResult) -> String {
    let identifiers = result.files.reduce(0) { $0 + $1.identifiers }
    let unchanged = result.files.reduce(0) { $0 + $1.unchanged }
    let counts = [MigrationItem.Change.renamed, .moved, .replaced, .merged, .review].map {
      "\(result.distinctIdentifiers($0)) \($0.rawValue)"
    }
    let files = result.files.count == 1 ? "1 file" : "\(result.files.count) files"
    return "migrated \(files) from \(result.from) to \(result.to): \(identifiers) identifiers written, "
      + "\(unchanged) already right; distinct identifiers: " + counts.joined(separator: ", ")
  }
}
