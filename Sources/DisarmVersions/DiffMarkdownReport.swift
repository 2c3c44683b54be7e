import DisarmDiagnostics
import DisarmModel

/// `disarm diff --format markdown`: release notes ready to paste, one section per kind that changed, each change a
/// list item naming the object by identifier and name. Text from pages is escaped so that a name cannot start a
/// heading, a list or a link in the notes, and its control characters are shown, not sent.
public enum DiffMarkdownReport {
  public static func render(_ diff: VersionDiff) -> String {
    var out = "# Changes from \(escape(diff.old.label)) to \(escape(diff.new.label))\n\n"
    if diff.old.framework != diff.new.framework {
      out += "Framework: \(diff.old.framework) → \(diff.new.framework).\n\n"
    }
    let changed = diff.kinds.filter { !$0.isEmpty }
    if changed.isEmpty { return out + "No changes.\n" }
    out += "| Kind | Added | Removed | Renamed | Moved | Summary changed | Relations changed | Unchanged |\n"
    out += "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
    for kind in diff.kinds {
      out +=
        "| \(kind.words.pluralTitle) | \(kind.added.count) | \(kind.removed.count) | \(kind.renamed.count) | "
        + "\(kind.moved.count) | \(kind.summaries.count) | \(kind.relations.count) | \(kind.unchanged) |\n"
    }
    for kind in changed {
      out += "\n## \(kind.words.pluralTitle)\n"
      section(&out, "Added", kind.added) { "**\($0.id)** \(escape($0.name))" }
      section(&out, "Removed", kind.removed) { removal in
        "**\(removal.id)** \(escape(removal.name))" + (DiffSummary.retirement(removal).map { " — \(escape($0))" } ?? "")
      }
      section(&out, "Renamed", kind.renamed) { "**\($0.id)** ~~\(escape($0.old))~~ → \(escape($0.new))" }
      section(&out, "Moved", kind.moved) { "**\($0.id)** \(escape($0.name)): \(DiffSummary.move($0))" }
      section(&out, "Summary changed", kind.summaries) { change in
        let words = change.diff.compacted().map { run -> String in
          switch run {
          case .same(let text): escape(text)
          case .removed(let text): "~~\(escape(text))~~"
          case .added(let text): "**\(escape(text))**"
          }
        }
        return "**\(change.id)** \(escape(change.name)): " + words.joined(separator: " ")
      }
      section(&out, "Relations changed", kind.relations) { change in
        var parts: [String] = []
        if !change.gained.isEmpty { parts.append("gained " + change.gained.map(\.string).joined(separator: ", ")) }
        if !change.lost.isEmpty { parts.append("lost " + change.lost.map(\.string).joined(separator: ", ")) }
        return "**\(change.id)** \(escape(change.name)): \(change.group) " + parts.joined(separator: "; ")
      }
    }
    return out
  }

  private static func section<T>(_ out: inout String, _ title: String, _ items: [T], _ line: (T) -> String) {
    guard !items.isEmpty else { return }
    out += "\n### \(title) (\(items.count))\n\n"
    for item in items { out += "- " + line(item) + "\n" }
  }

  /// Markdown's punctuation escaped, line breaks as spaces, and control characters, C1 controls and bidi overrides
  /// shown as visible text (``TerminalText/visible(_:)``, its `<` and `>` escaped too): release notes are read in
  /// terminals and rendered pages, where neither may act. Scalar by scalar, so that a CR LF pair is two spaces.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    let utf8 = text.utf8
    var index = utf8.startIndex
    while index < utf8.endIndex {
      // Runs of bytes that need nothing are copied at once; every byte that may need something starts a scalar
      // (ASCII, or the lead byte 0xC2 of C1 controls and 0xE2 of the bidi controls).
      var end = index
      while end < utf8.endIndex, !mayNeedEscape(utf8[end]) { end = utf8.index(after: end) }
      if end > index {
        out += text[index..<end]
        index = end
        continue
      }
      let scalar = text.unicodeScalars[index]
      index = text.unicodeScalars.index(after: index)
      switch scalar {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~":
        out.unicodeScalars.append("\\")
        out.unicodeScalars.append(scalar)
      case "\n", "\r": out.unicodeScalars.append(" ")
      default:
        if let shown = TerminalText.visible(scalar) {
          for shownScalar in shown.unicodeScalars {
            if shownScalar == "<" || shownScalar == ">" { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(shownScalar)
          }
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// Whether a byte is markdown punctuation, a control, or the lead byte of a scalar that may be one.
  static func mayNeedEscape(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x00...0x1F, 0x7F, 0xC2, 0xE2: true
    case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
      UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "#"), UInt8(ascii: "|"), UInt8(ascii: "~"):
      true
    default: false
    }
  }
}
