import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// Text with inline styles, the result of reading a page value's HTML-ish markup for a terminal.
public struct StyledText: Sendable, Equatable {
  /// A run of text in one style. A run holding exactly "\n" is a line break.
  public struct Run: Sendable, Equatable {
    /// Ready to print: ``StyledText/markup(_:)`` has already made its control characters inert.
    public var text: String
    /// Set inside `<i>` or `<em>`; visible only when the terminal style is enabled.
    public var italic = false
    /// Set inside `<b>` or `<strong>`; visible only when the terminal style is enabled.
    public var bold = false
  }

  /// In reading order; a line break is a run of its own (see ``Run``).
  public var runs: [Run]

  /// The text without styles.
  public var plain: String { runs.map(\.text).joined() }

  /// Reads DISARM's inline markup: `<br>` as a line break, `<i>`/`<em>` italic, `<b>`/`<strong>` bold, other tags
  /// dropped, HTML entities decoded, markdown links `[text](url)` shown as their text. Control characters are made
  /// inert (after decoding, so `&#27;` cannot smuggle an escape in).
  public static func markup(_ source: String) -> StyledText {
    var runs: [Run] = []
    var italic = 0
    var bold = 0
    var buffer = ""
    func flush() {
      if !buffer.isEmpty { runs.append(Run(text: TerminalText.inert(buffer), italic: italic > 0, bold: bold > 0)) }
      buffer = ""
    }
    let characters = Array(source)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == "<", let close = characters[index...].firstIndex(of: ">"), close - index < 40 {
        let tag = String(characters[(index + 1)..<close]).lowercased().trimmingWhitespace()
        let name = tag.split(whereSeparator: { $0 == " " || $0 == "/" }).first.map(String.init) ?? ""
        let closing = tag.hasPrefix("/")
        flush()
        switch (name, closing) {
        case ("br", _), ("p", true): runs.append(Run(text: "\n"))
        case ("i", false), ("em", false): italic += 1
        case ("i", true), ("em", true): italic = max(0, italic - 1)
        case ("b", false), ("strong", false): bold += 1
        case ("b", true), ("strong", true): bold = max(0, bold - 1)
        default:
          if tag.hasPrefix("/i") || tag.hasPrefix("/em") { italic = max(0, italic - 1) }
          if tag.hasPrefix("/b") || tag.hasPrefix("/strong") { bold = max(0, bold - 1) }
        }
        index = close + 1
        continue
      }
      if character == "&", let semicolon = characters[index...].prefix(12).firstIndex(of: ";"),
        let decoded = HTMLEntity.decode(String(characters[(index + 1)..<semicolon]))
      {
        buffer.append(decoded)
        index = semicolon + 1
        continue
      }
      if character == "[", let link = markdownLink(characters, at: index) {
        buffer += link.text
        index = link.end
        continue
      }
      if character == "\n" || character == "\r\n" {
        flush()
        runs.append(Run(text: "\n"))
        index += 1
        continue
      }
      buffer.append(character)
      index += 1
    }
    flush()
    return StyledText(runs: runs)
  }

  /// `[text](destination)` at `start`: its text and the index after it.
  static func markdownLink(_ characters: [Character], at start: Int) -> (text: String, end: Int)? {
    guard let close = characters[start...].firstIndex(of: "]"), close + 1 < characters.count,
      characters[close + 1] == "(",
      let end = characters[(close + 1)...].firstIndex(of: ")")
    else { return nil }
    return (String(characters[(start + 1)..<close]), end + 1)
  }
}

/// HTML character references.
enum HTMLEntity {
  static let named: [String: Character] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "ndash": "–", "mdash": "—",
    "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "eacute": "é", "copy": "©",
  ]

  static func decode(_ name: String) -> Character? {
    if name.hasPrefix("#x") || name.hasPrefix("#X") {
      return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map(Character.init)
    }
    if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map(Character.init) }
    return named[name]
  }
}
