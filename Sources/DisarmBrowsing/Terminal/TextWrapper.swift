import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// Wraps styled text to a terminal width, counting display columns (wide East Asian characters take two).
public struct TextWrapper: Sendable {
  /// Columns per line, indent included; at least 20, so that a very narrow terminal still gets readable lines.
  public var width: Int
  /// Shows each run's italic and bold; when disabled the lines are plain text.
  public var style: ANSIStyle

  /// A `width` below 20 is raised to 20.
  public init(width: Int, style: ANSIStyle) {
    self.width = max(20, width)
    self.style = style
  }

  /// The text wrapped into lines, each starting with `indent`.
  public func wrap(_ text: StyledText, indent: String = "") -> [String] {
    var lines: [String] = []
    var line = ""
    var column = 0
    let available = max(10, width - DisplayWidth.of(indent))
    func finish() {
      lines.append(indent + line)
      line = ""
      column = 0
    }
    /// Adds `text` to the line in the run's style.
    func append(_ text: Substring, _ run: StyledText.Run) {
      if run.italic || run.bold { line += styled(String(text), run) } else { line += text }
    }
    for run in text.runs {
      if run.text == "\n" {
        finish()
        continue
      }
      // Keep spaces attached to the word before them, so that a break never starts a line with a space.
      func emit(_ word: Substring) {
        let wordWidth = DisplayWidth.of(word)
        let visibleWidth = word.utf8.last == UInt8(ascii: " ") ? wordWidth - 1 : wordWidth
        if column > 0, column + visibleWidth > available { finish() }
        var rest = word
        var restWidth = wordWidth
        // A single word longer than the line is cut; the width of what is left is counted down, not measured again.
        while restWidth > available, column == 0 {
          let (cut, cutWidth) = DisplayWidth.prefix(rest, width: available)
          append(rest[..<cut], run)
          finish()
          rest = rest[cut...]
          restWidth -= cutWidth
        }
        append(rest, run)
        column += restWidth
      }
      // Words end after a space; found among the bytes, since a space is one byte that no other character holds.
      let text = run.text
      var wordStart = text.startIndex
      var index = text.utf8.startIndex
      while index < text.utf8.endIndex {
        let next = text.utf8.index(after: index)
        if text.utf8[index] == UInt8(ascii: " ") {
          emit(text[wordStart..<next])
          wordStart = next
        }
        index = next
      }
      if wordStart < text.endIndex { emit(text[wordStart...]) }
    }
    if !line.isEmpty || lines.isEmpty { finish() }
    return lines.map { $0.trailingSpacesRemoved }
  }

  func styled(_ text: String, _ run: StyledText.Run) -> String {
    var result = text
    if run.italic { result = style.italic(result) }
    if run.bold { result = style.bold(result) }
    return result
  }
}

/// Terminal display width of text.
enum DisplayWidth {
  static func of(_ text: some StringProtocol) -> Int {
    // ASCII, most of DISARM's text, is one column a byte (its controls were made visible before wrapping).
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
    return text.unicodeScalars.reduce(0) { $0 + width($1) }
  }

  static func width(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.value {
    case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
      return 2
    default: return 1
    }
  }

  /// The index in `text` up to which it fits in `width` columns (at least one character), and the columns that
  /// prefix takes.
  static func prefix(_ text: Substring, width limit: Int) -> (index: Substring.Index, width: Int) {
    var used = 0
    var index = text.startIndex
    while index < text.endIndex {
      let next = text.index(after: index)
      let characterWidth = text.unicodeScalars[index..<next].reduce(0) { $0 + width($1) }
      if used + characterWidth > limit, index > text.startIndex { break }
      used += characterWidth
      index = next
    }
    return (index, used)
  }
}
