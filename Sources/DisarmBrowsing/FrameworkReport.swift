import DisarmDiagnostics
import DisarmFramework

/// What `disarm frameworks` prints: the built-in descriptions, and for a page tree how each one fits it and why.
public enum FrameworkReport {
  /// One block per description: name and title, then its kinds with an example identifier each.
  public static func listing(_ descriptions: [FrameworkDescription], style: ANSIStyle, width: Int = 100) -> String {
    let wrapper = TextWrapper(width: width, style: style)
    func wrapped(_ text: String) -> String {
      wrapper.wrap(StyledText.markup(text), indent: "  ").joined(separator: "\n") + "\n"
    }
    var output = ""
    for description in descriptions {
      output += "\(style.bold(description.name))  \(description.title)\n"
      let kinds = description.kinds.map { "\($0.plural) (\($0.id.example))" }
      output += wrapped("kinds: " + kinds.joined(separator: ", "))
      output += wrapped(description.summary.trimmingWhitespace()) + "\n"
    }
    return output
  }

  /// How each candidate fits the tree at `path`, best first: `+` lines say what fitted, `-` lines what it expected
  /// and did not find. The first line names the description that would be used, or says that none fits.
  public static func detection(_ matches: [FrameworkMatch], path: String, style: ANSIStyle) -> String {
    var output: String
    if let chosen = matches.first(where: \.fits) {
      output = "\(TerminalText.inert(path)): \(style.bold(chosen.description.name)) (\(chosen.description.title))\n"
    } else {
      output = "\(TerminalText.inert(path)): fits no framework description; tried \(matches.count):\n"
    }
    for match in matches {
      let verdict =
        match.isRuledOut ? "ruled out" : match.fits ? "fits, score \(match.score)" : "does not fit"
      output += "\n  \(style.bold(match.description.name))  \(verdict)\n"
      for reason in match.reasons { output += "    + \(TerminalText.inert(reason))\n" }
      for miss in match.misses { output += "    - \(TerminalText.inert(miss))\n" }
    }
    return output
  }
}
