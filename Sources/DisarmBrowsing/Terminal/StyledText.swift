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
  ///
  /// One pass over the scalars: a tag closes within 40 scalars of its `<` and an entity within 12, and the search for a link's
  /// `]` and `)` remembers where the next one is, so that text full of `<` or `[` that never close costs no more
  /// than any other text of its size.
  public static func markup(_ source: String) -> StyledText {
    var runs: [Run] = []
    var italic = 0
    var bold = 0
    var buffer = ""
    func flush() {
      if !buffer.isEmpty { runs.append(Run(text: TerminalText.inert(buffer), italic: italic > 0, bold: bold > 0)) }
      buffer = ""
    }
    let scalars = source.unicodeScalars
    var closingBracket = NextScalar("]", in: scalars)
    var closingParenthesis = NextScalar(")", in: scalars)
    var index = scalars.startIndex
    let special: Set<UInt8> = [UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "["), 10, 13]
    while index < scalars.endIndex {
      let scalar = scalars[index]
      if !scalar.isASCII || !special.contains(UInt8(scalar.value)) {
        // Plain text up to the next scalar that may start markup, copied at once: all of those are ASCII, and an
        // ASCII byte is never part of another scalar, so the run ends on a scalar boundary.
        var end = source.utf8.index(after: index)
        while end < source.utf8.endIndex, !special.contains(source.utf8[end]) { end = source.utf8.index(after: end) }
        buffer += source[index..<end]
        index = end
        continue
      }
      let next = scalars.index(after: index)
      if scalar == "<", let close = scalars.firstIndex(of: ">", from: next, within: 39) {
        let tag = String(scalars[next..<close]).lowercased().trimmingWhitespace()
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
        index = scalars.index(after: close)
        continue
      }
      if scalar == "&", let semicolon = scalars.firstIndex(of: ";", from: next, within: 11),
        let decoded = HTMLEntity.decode(String(scalars[next..<semicolon]))
      {
        buffer.append(decoded)
        index = scalars.index(after: semicolon)
        continue
      }
      // `[text](destination)`: the first `]` after the `[`, a `(` right after it, then the first `)`.
      if scalar == "[", let close = closingBracket.at(orAfter: next) {
        let open = scalars.index(after: close)
        if open < scalars.endIndex, scalars[open] == "(", let end = closingParenthesis.at(orAfter: open) {
          buffer += String(scalars[next..<close])
          index = scalars.index(after: end)
          continue
        }
      }
      if scalar == "\n" || (scalar == "\r" && next < scalars.endIndex && scalars[next] == "\n") {
        flush()
        runs.append(Run(text: "\n"))
        index = scalar == "\n" ? next : scalars.index(after: next)
        continue
      }
      buffer.unicodeScalars.append(scalar)
      index = next
    }
    flush()
    return StyledText(runs: runs)
  }
}

/// The next occurrence of one scalar at or after a position that only moves forward: each search starts where the
/// last one stopped, so finding them all costs one pass over the text.
struct NextScalar {
  let target: Unicode.Scalar
  let scalars: String.UnicodeScalarView
  /// Everything before `searched` has been looked at; `found` is the first occurrence at or after the position last
  /// asked about, or nil when there is none up to the end.
  var searched: String.UnicodeScalarView.Index
  var found: String.UnicodeScalarView.Index?

  init(_ target: Unicode.Scalar, in scalars: String.UnicodeScalarView) {
    self.target = target
    self.scalars = scalars
    self.searched = scalars.startIndex
  }

  /// The first `target` at or after `position`; positions asked about must not decrease.
  mutating func at(orAfter position: String.UnicodeScalarView.Index) -> String.UnicodeScalarView.Index? {
    if let found, found >= position { return found }
    if found == nil, searched > position { return nil }
    var index = max(position, searched)
    while index < scalars.endIndex, scalars[index] != target { index = scalars.index(after: index) }
    searched = index
    found = index < scalars.endIndex ? index : nil
    return found
  }
}

extension String.UnicodeScalarView {
  /// The first `target` among the `limit` scalars from `start`.
  func firstIndex(of target: Unicode.Scalar, from start: Index, within limit: Int) -> Index? {
    var index = start
    var count = 0
    while index < endIndex, count < limit {
      if self[index] == target { return index }
      index = self.index(after: index)
      count += 1
    }
    return nil
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
