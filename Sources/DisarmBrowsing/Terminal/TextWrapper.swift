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
    for run in text.runs {
      if run.text == "\n" {
        finish()
        continue
      }
      // Keep spaces attached to the word before them, so that a break never starts a line with a space.
      var word = ""
      func emit(_ word: String) {
        let visible = word.hasSuffix(" ") ? String(word.dropLast()) : word
        let wordWidth = DisplayWidth.of(visible)
        if column > 0, column + wordWidth > available { finish() }
        var rest = Substring(word)
        var restWidth = DisplayWidth.of(word)
        // A single word longer than the line is cut; the width of what is left is counted down, not measured again.
        while restWidth > available, column == 0 {
          let (cut, cutWidth) = DisplayWidth.prefix(rest, width: available)
          line += styled(String(rest[..<cut]), run)
          finish()
          rest = rest[cut...]
          restWidth -= cutWidth
        }
        line += styled(String(rest), run)
        column += restWidth
      }
      for character in run.text {
        word.append(character)
        if character == " " {
          emit(word)
          word = ""
        }
      }
      if !word.isEmpty { emit(word) }
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
  static func of(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + width($1) } }

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
