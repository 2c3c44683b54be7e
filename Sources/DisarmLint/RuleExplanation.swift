import DisarmDiagnostics

/// `disarm explain RULE`: what a rule checks, how to resolve its findings, and its examples, each page shown
/// (shortened around what the example changes).
public enum RuleExplanation {
  /// Lines of a page shown in an example; longer pages show a window around what the example changes.
  static let maximumLines = 15

  /// The whole explanation of `rule`.
  public static func text(for rule: any Rule.Type) -> String {
    let found = rule.description
    var text = """
      \(found.id) (\(found.severity.rawValue)\(found.isFixable ? ", fixable with --fix" : ""))
      Category: \(found.category.title) (\(found.category.summary))
      \(found.summary)

      \(found.explanation)

      """
    let examples = rule.examples
    for (index, example) in examples.enumerated() {
      let twin = examples.first { $0.triggers != example.triggers }
      text += "\n" + describe(example, twin: twin, after: Array(examples[..<index])) + "\n"
    }
    return text
  }

  /// Rule ids that contain or are contained in `written`, for "did you mean".
  public static func suggestions(for written: String) -> [String] {
    RuleRegistry.descriptions.map(\.id.rawValue).filter { $0.contains(written) || written.contains($0) }
  }

  /// "Triggers:" or "Does not trigger:" with the example's note, then each page: its path, then its content
  /// indented. A page longer than ``maximumLines`` shows the lines around its first difference from the same page
  /// in `twin` (the example with the opposite outcome), else its first lines. A page that one of the examples
  /// printed before (`after`) already showed, with the same content and encoding, is only named.
  public static func describe(_ example: RuleExample, twin: RuleExample?, after previous: [RuleExample] = []) -> String
  {
    var lines = ["\(example.triggers ? "Triggers" : "Does not trigger"): \(example.note)"]
    for path in example.pages.keys.sorted() {
      let content = example.pages[path] ?? ""
      let latin1 = example.latin1Pages.contains(path)
      let encoding = latin1 ? " (saved as ISO-8859-1)" : ""
      if previous.contains(where: { $0.pages[path] == content && $0.latin1Pages.contains(path) == latin1 }) {
        lines.append("  \(path)\(encoding) (as above)")
        continue
      }
      lines.append("  \(path)\(encoding)")
      let pageLines = Self.lines(of: content)
      let window = shownRange(of: pageLines, comparedWith: twin?.pages[path].map(Self.lines(of:)))
      if window.lowerBound > 0 { lines.append("    …") }
      lines += pageLines[window].map { $0.isEmpty ? "" : "    " + visible($0) }
      if window.upperBound < pageLines.count {
        lines.append("    … (\(pageLines.count - window.upperBound) more lines)")
      }
    }
    if !example.base.isEmpty {
      // The base version the example is linted against (`--against`): only its pages that differ are shown.
      let differing = example.base.keys.sorted().filter { example.pages[$0] != example.base[$0] }
      lines.append("  base version (--against), pages that differ: " + differing.joined(separator: ", "))
    }
    return lines.joined(separator: "\n")
  }

  /// The lines of a page, without the empty line after a final newline.
  static func lines(of content: String) -> [String] {
    var lines = content.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.count > 1, lines.last == "" { lines.removeLast() }
    return lines
  }

  /// The lines to show: all of a short page; of a long one, ``maximumLines`` lines starting a few lines before
  /// the first line that differs from `other`, or from the top.
  static func shownRange(of lines: [String], comparedWith other: [String]?) -> Range<Int> {
    guard lines.count > maximumLines else { return 0..<lines.count }
    var start = 0
    if let other, other != lines {
      let firstDifference = zip(lines, other).prefix { $0 == $1 }.count
      start = max(0, min(firstDifference - 4, lines.count - maximumLines))
    }
    return start..<(start + maximumLines)
  }

  /// A line with control characters (a NUL byte in a page) written as `\u{0}` escapes.
  static func visible(_ line: String) -> String {
    var shown = ""
    for scalar in line.unicodeScalars {
      if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F {
        shown += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        shown.unicodeScalars.append(scalar)
      }
    }
    return shown
  }
}
