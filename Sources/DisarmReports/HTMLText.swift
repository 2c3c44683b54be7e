import DisarmDiagnostics

/// The text of an HTML report: what a browser would show, as runs copied from the file so that every mention
/// can be placed on its line and column. Scripts, styles and comments are left out; block elements end a
/// paragraph (a blank line, so that a sentence never runs from one block into the next); the character
/// references people write (`&amp;`, `&nbsp;`, `&#8217;`, `&#x2019;`) are decoded.
///
/// Written here rather than with an HTML package: none is in the project's set, and tagging needs only the text
/// and its places, in one pass over the bytes (a report is untrusted input and may be large).
enum HTMLText {
  static let blocks: Set<String> = [
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "blockquote",
    "section", "article", "header", "footer", "pre", "hr", "title", "dt", "dd", "figcaption", "main", "nav", "aside",
  ]
  static let skipped: Set<String> = ["script", "style", "noscript", "template"]

  /// The document's text and its runs.
  static func extract(_ file: SourceFile) -> (text: [UInt8], runs: [(text: Int, file: Int)]) {
    let bytes = file.bytes
    var text: [UInt8] = []
    text.reserveCapacity(bytes.count / 2)
    var runs: [(text: Int, file: Int)] = []
    var index = 0
    var inRun = false
    func startRun(at source: Int) {
      if !inRun {
        runs.append((text.count, source))
        inRun = true
      }
    }
    func paragraphBreak() {
      inRun = false
      if text.isEmpty { return }
      let tail = text.suffix(2)
      if tail.elementsEqual([0x0A, 0x0A]) { return }
      text += tail.last == 0x0A ? [0x0A] : [0x0A, 0x0A]
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "<") {
        inRun = false
        if starts(bytes, at: index, with: "<!--") {
          index = find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? bytes.count
          continue
        }
        let (name, closing, end) = tag(bytes, at: index)
        index = end
        if !closing, skipped.contains(name) {
          index = find(bytes, "</\(name)", from: index, caseInsensitive: true) ?? bytes.count
          index = find(bytes, ">", from: index).map { $0 + 1 } ?? bytes.count
          continue
        }
        if blocks.contains(name) { paragraphBreak() }
        continue
      }
      if byte == UInt8(ascii: "&"), let (decoded, end) = reference(bytes, at: index) {
        inRun = false
        startRun(at: index)
        text += decoded
        inRun = false
        index = end
        continue
      }
      startRun(at: index)
      text.append(byte)
      index += 1
    }
    return (text, runs)
  }

  /// The lower-cased name of the tag at `start`, whether it closes, and the offset after its `>`.
  static func tag(_ bytes: [UInt8], at start: Int) -> (name: String, closing: Bool, end: Int) {
    var index = start + 1
    let closing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
    if closing { index += 1 }
    var name: [UInt8] = []
    while index < bytes.count, isNameByte(bytes[index]), name.count < 32 {
      name.append(bytes[index] | 0x20)
      index += 1
    }
    // Attribute values may hold `>` inside quotes.
    var quote: UInt8?
    while index < bytes.count {
      let byte = bytes[index]
      if let open = quote {
        if byte == open { quote = nil }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == UInt8(ascii: ">") {
        return (String(decoding: name, as: UTF8.self), closing, index + 1)
      }
      index += 1
    }
    return (String(decoding: name, as: UTF8.self), closing, bytes.count)
  }

  static func isNameByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  static let named: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
    "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "hellip": "…",
  ]

  /// The text a character reference at `start` stands for, and the offset after its `;`.
  static func reference(_ bytes: [UInt8], at start: Int) -> ([UInt8], Int)? {
    // A reference is short: look no further than 12 bytes (a text of many `&` must not be searched to its end).
    guard let semicolon = (start + 1..<min(bytes.count, start + 13)).first(where: { bytes[$0] == UInt8(ascii: ";") })
    else { return nil }
    let body = String(decoding: bytes[(start + 1)..<semicolon], as: UTF8.self)
    var scalar: Unicode.Scalar?
    if body.hasPrefix("#x") || body.hasPrefix("#X") {
      scalar = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
    } else if body.hasPrefix("#") {
      scalar = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init)
    } else if let text = named[body] {
      return (Array(text.utf8), semicolon + 1)
    }
    guard let scalar, scalar.value != 0 else { return nil }
    return (Array(String(Character(scalar)).utf8), semicolon + 1)
  }

  static func starts(_ bytes: [UInt8], at index: Int, with prefix: String) -> Bool {
    let prefix = Array(prefix.utf8)
    return index + prefix.count <= bytes.count && bytes[index..<(index + prefix.count)].elementsEqual(prefix)
  }

  /// The offset of the first `needle` at or after `from`.
  static func find(_ bytes: [UInt8], _ needle: String, from: Int, caseInsensitive: Bool = false) -> Int? {
    let needle = Array(needle.utf8)
    guard let first = needle.first, from < bytes.count else { return nil }
    var index = from
    while index + needle.count <= bytes.count {
      let byte = caseInsensitive ? bytes[index] | 0x20 : bytes[index]
      if byte == (caseInsensitive ? first | 0x20 : first) {
        var matches = true
        for offset in 1..<needle.count {
          let a = caseInsensitive ? bytes[index + offset] | 0x20 : bytes[index + offset]
          let b = caseInsensitive ? needle[offset] | 0x20 : needle[offset]
          if a != b {
            matches = false
            break
          }
        }
        if matches { return index }
      }
      index += 1
    }
    return nil
  }
}
