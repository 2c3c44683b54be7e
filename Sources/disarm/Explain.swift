import ArgumentParser
import DisarmModel

extension Disarm {
  /// `disarm explain RULE`: what a rule checks, how to resolve its findings, and examples that do and do not
  /// trigger it.
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Explain a lint rule.")

    /// Lines of a page shown in an example; longer pages show a window around what the example changes.
    static let maximumLines = 15

    @Argument(help: "A rule id, as shown in brackets after each finding (e.g. name-mismatch).")
    var rule: String

    func run() throws {
      guard let found = Rules.rule(rule) else {
        let near = Rules.all.map(\.id).filter { $0.contains(rule) || rule.contains($0) }
        let suggestion = near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?"
        Terminal.error("no rule '\(rule)'\(suggestion) (see disarm lint --list-rules)")
        throw ExitStatus.findings
      }
      Terminal.output("""
        \(found.id) (\(found.severity.rawValue)\(found.isFixable ? ", fixable with --fix" : ""))
        \(found.summary)

        \(found.explanation)
        """)
      for (index, example) in found.examples.enumerated() {
        let twin = found.examples.first { $0.triggers != example.triggers }
        Terminal.output("")
        Terminal.output(Self.describe(example, twin: twin, after: Array(found.examples[..<index])))
      }
    }

    /// "Triggers:" or "Does not trigger:" with the example's note, then each page: its path, then its content
    /// indented. A page longer than ``maximumLines`` shows the lines around its first difference from the same page
    /// in `twin` (the example with the opposite outcome), else its first lines. A page that one of the examples
    /// printed before (`after`) already showed, with the same content and encoding, is only named.
    static func describe(_ example: RuleExample, twin: RuleExample?, after previous: [RuleExample] = []) -> String {
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
}
