import DisarmDiagnostics
import DisarmModel

/// `disarm diff` for the terminal: a summary line per kind, then one line per change, coloured like the rest of the
/// CLI (added green, removed red, changed yellow) when `style` is enabled. Page text is printed inert (control
/// characters shown, not obeyed).
public enum DiffTextReport {
  public static func render(_ diff: VersionDiff, style: ANSIStyle) -> String {
    var out =
      "\(style.bold("disarm diff")) \(TerminalText.inert(diff.old.label)) → \(TerminalText.inert(diff.new.label))"
    out +=
      diff.old.framework == diff.new.framework
      ? " (\(diff.new.framework))\n" : " (\(diff.old.framework) → \(diff.new.framework))\n"
    for kind in diff.kinds {
      out += "\n" + style.bold(kind.words.plural) + ": " + DiffSummary.counts(kind) + "\n"
      for added in kind.added {
        out += "  " + style.green("+ \(added.id)") + " " + TerminalText.inert(added.name) + "\n"
      }
      for removed in kind.removed {
        out += "  " + style.red("- \(removed.id)") + " " + TerminalText.inert(removed.name)
        out += DiffSummary.retirement(removed).map { " (\(TerminalText.inert($0)))" } ?? ""
        out += "\n"
      }
      for rename in kind.renamed {
        out +=
          "  " + style.yellow("~ \(rename.id)") + " renamed: '\(TerminalText.inert(rename.old))' → '"
          + TerminalText.inert(rename.new) + "'\n"
      }
      for move in kind.moved {
        out +=
          "  " + style.yellow("> \(move.id)") + " " + TerminalText.inert(move.name) + ": "
          + DiffSummary.move(move) + "\n"
      }
      for change in kind.summaries {
        out += "  " + style.yellow("~ \(change.id)") + " summary: "
        for run in change.diff.compacted() {
          switch run {
          case .same(let text): out += TerminalText.inert(text) + " "
          case .removed(let text): out += style.red("[-" + TerminalText.inert(text) + "-]") + " "
          case .added(let text): out += style.green("{+" + TerminalText.inert(text) + "+}") + " "
          }
        }
        out.removeLast()
        out += "\n"
      }
      for change in kind.relations {
        out += "  " + style.yellow("~ \(change.id)") + " \(change.group):"
        if !change.gained.isEmpty {
          out += " " + style.green("+" + change.gained.map(\.string).joined(separator: " +"))
        }
        if !change.lost.isEmpty { out += " " + style.red("-" + change.lost.map(\.string).joined(separator: " -")) }
        out += "\n"
      }
    }
    if diff.isEmpty { out += "\nno changes\n" }
    return out
  }
}

/// Phrases the text and markdown reports share.
enum DiffSummary {
  /// `3 added, 1 removed, 2 renamed, 1 moved, 4 summaries changed, 5 with relation changes, 300 unchanged`, leaving
  /// out what is zero (except unchanged).
  static func counts(_ kind: VersionDiff.KindChanges) -> String {
    let parts: [(Int, String)] = [
      (kind.added.count, "added"), (kind.removed.count, "removed"), (kind.renamed.count, "renamed"),
      (kind.moved.count, "moved"), (kind.summaries.count, "summaries changed"),
      (kind.relations.count, "relation changes"),
    ]
    let nonZero = parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
    return (nonZero + ["\(kind.unchanged) unchanged"]).joined(separator: ", ")
  }

  /// `retired in v1.6: merged; replaced by T0146.003`, or `not in the register` for a removal with no entry.
  static func retirement(_ removal: VersionDiff.Removal) -> String? {
    guard let entry = removal.retirement else { return "not in the register" }
    var text = "retired"
    if let when = entry.retired { text += " in \(when)" }
    if let reason = entry.reason { text += ": \(reason)" }
    if let replacement = entry.replacedBy { text += "; replaced by \(replacement)" }
    return text
  }

  /// `tactic TA08 → TA09`, `parent T0043 → none`.
  static func move(_ move: VersionDiff.Move) -> String {
    "\(move.placement.rawValue) \(move.old?.string ?? "none") → \(move.new?.string ?? "none")"
  }
}
