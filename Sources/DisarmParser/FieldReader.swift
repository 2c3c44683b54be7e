import DisarmDiagnostics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads bold-label fields from a paragraph: `**Label**: value`, `**Label:** value`, several per paragraph when
/// joined by `<br>` (the 2025 `**Tactic**: … <br><br>**Parent Technique:** …` line).
enum FieldReader {
  static let maximumLabelLength = 60

  /// With `unmarkedLabels` (frameworks whose fields are `* Label: value`, AMITT 2019), a list item whose text starts
  /// with a short label and `: ` is one field.
  /// `plainLabels` (lower-cased), when not empty, are the only labels such a field may have.
  static func fields(
    in file: SourceFile, paragraph: Range<Int>, inListItem: Bool, unmarkedLabels: Bool = false,
    plainLabels: [String] = []
  ) -> [Field] {
    if unmarkedLabels, inListItem, let field = unmarkedField(in: file, paragraph: paragraph),
      plainLabels.isEmpty || plainLabels.contains(field.key)
    {
      return [field]
    }
    var fields: [Field] = []
    var cursor = paragraph.lowerBound
    var separator: SourceText?
    while let label = label(in: file, at: cursor, limit: paragraph.upperBound) {
      var valueStart = label.end
      if valueStart < paragraph.upperBound, file.bytes[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
      let next = nextFieldStart(in: file, from: valueStart, limit: paragraph.upperBound)
      let valueEnd = next?.separatorStart ?? paragraph.upperBound
      let style: Field.Style =
        switch (inListItem, label.colonInside) {
        case (true, true): .bulletColonInside
        case (true, false): .bulletColonOutside
        case (false, true): .plainColonInside
        case (false, false): .plainColonOutside
        }
      var start = file.position(at: cursor)
      if inListItem, separator == nil {
        // The bullet is on the paragraph's first line, before the paragraph itself.
        let lineStart = file.lineStart(start.line)
        start = file.position(at: lineStart)
      }
      fields.append(
        Field(
          label: label.text, key: key(label.text), style: style, separator: separator, start: start,
          value: file.text(valueStart..<max(valueStart, valueEnd))))
      guard let next else { break }
      separator = file.text(next.separatorStart..<next.fieldStart)
      cursor = next.fieldStart
    }
    return fields
  }

  /// `* Label: value` as one field: a label of letters and spaces (at most ``maximumLabelLength`` bytes) before the
  /// first `: ` of the item's first line.
  static func unmarkedField(in file: SourceFile, paragraph: Range<Int>) -> Field? {
    let bytes = file.bytes
    var i = paragraph.lowerBound
    while i < paragraph.upperBound, i - paragraph.lowerBound <= maximumLabelLength {
      let byte = bytes[i]
      if byte == UInt8(ascii: ":") { break }
      let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
      // Letters and spaces, and the slash of AMITT 2019's `From country / To country`.
      guard isLetter || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "/") else { return nil }
      i += 1
    }
    guard i > paragraph.lowerBound, i < paragraph.upperBound, bytes[i] == UInt8(ascii: ":") else { return nil }
    let label = file.string(paragraph.lowerBound..<i).trimmingWhitespace()
    guard !label.isEmpty else { return nil }
    var valueStart = i + 1
    if valueStart < paragraph.upperBound, bytes[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
    // The bullet is on the paragraph's first line, before the paragraph itself.
    let start = file.position(at: file.lineStart(file.position(at: paragraph.lowerBound).line))
    return Field(
      label: label, key: key(label), style: .bulletUnmarked, separator: nil, start: start,
      value: file.text(valueStart..<max(valueStart, paragraph.upperBound)))
  }

  /// The label key: lower-cased with single spaces.
  static func key(_ label: String) -> String {
    // Labels almost never hold a tab or two spaces in a row; those need no splitting and joining.
    var contiguous = label
    let plain = contiguous.withUTF8 { bytes in
      var previousWasSpace = false
      for byte in bytes {
        if byte == UInt8(ascii: "\t") || (previousWasSpace && byte == UInt8(ascii: " ")) { return false }
        previousWasSpace = byte == UInt8(ascii: " ")
      }
      return true
    }
    if plain { return label.lowercased() }
    return label.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
  }

  /// A bold label starting exactly at `start`.
  static func label(in file: SourceFile, at start: Int, limit: Int) -> (text: String, end: Int, colonInside: Bool)? {
    let bytes = file.bytes
    guard start + 4 < limit, bytes[start] == UInt8(ascii: "*"), bytes[start + 1] == UInt8(ascii: "*") else {
      return nil
    }
    var i = start + 2
    while i + 1 < limit, i - start < maximumLabelLength {
      let byte = bytes[i]
      if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return nil }
      if byte == UInt8(ascii: "*") {
        guard bytes[i + 1] == UInt8(ascii: "*"), i > start + 2 else { return nil }
        let innerRange = (start + 2)..<i
        if bytes[innerRange].allSatisfy({ $0 < 0x80 }) {
          // An ASCII label (every label DISARM writes) has one character per byte: it is cut on its bytes.
          if bytes[i - 1] == UInt8(ascii: ":") { return (trimmedASCII(bytes, innerRange.dropLast()), i + 2, true) }
          guard i + 2 < limit, bytes[i + 2] == UInt8(ascii: ":") else { return nil }
          return (trimmedASCII(bytes, innerRange), i + 3, false)
        }
        let inner = file.string(innerRange)
        if inner.hasSuffix(":") {
          return (String(inner.dropLast()).trimmingWhitespace(), i + 2, true)
        }
        guard i + 2 < limit, bytes[i + 2] == UInt8(ascii: ":") else {
          return nil
        }
        return (inner.trimmingWhitespace(), i + 3, false)
      }
      i += 1
    }
    return nil
  }

  /// The ASCII bytes of `range` as a string, without leading and trailing spaces, tabs and line breaks.
  private static func trimmedASCII(_ bytes: [UInt8], _ range: Range<Int>) -> String {
    var start = range.lowerBound
    var end = range.upperBound
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    while start < end, isSpace(bytes[start]) { start += 1 }
    while end > start, isSpace(bytes[end - 1]) { end -= 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// The next `<br>…**Label**:` inside the paragraph: where its `<br>` run starts and where its label starts.
  static func nextFieldStart(in file: SourceFile, from start: Int, limit: Int) -> (
    separatorStart: Int, fieldStart: Int
  )? {
    let bytes = file.bytes
    var i = start
    while i + 1 < limit {
      // Values are long and asterisks rare: `memchr` finds the next one.
      i = bytes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress, let found = memchr(base + i, Int32(UInt8(ascii: "*")), limit - 1 - i)
        else { return limit }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      }
      guard i + 1 < limit else { break }
      // Cheap tests first: `**` directly after a `<br>` tag, and only then the label itself.
      if bytes[i + 1] == UInt8(ascii: "*") {
        // Walk back over `<br>` tags directly before the label.
        var separatorStart = i
        while separatorStart - 4 >= start, isBreakTag(bytes, endingAt: separatorStart) { separatorStart -= 4 }
        if separatorStart < i, label(in: file, at: i, limit: limit) != nil { return (separatorStart, i) }
      }
      i += 1
    }
    return nil
  }

  /// Whether the four bytes before `end` are `<br>`.
  private static func isBreakTag(_ bytes: [UInt8], endingAt end: Int) -> Bool {
    bytes[end - 4] == UInt8(ascii: "<") && bytes[end - 3] == UInt8(ascii: "b") && bytes[end - 2] == UInt8(ascii: "r")
      && bytes[end - 1] == UInt8(ascii: ">")
  }
}
