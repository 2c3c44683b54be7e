import DisarmDiagnostics

/// Splits `# Technique T0151.008: Microblogging Platform` into kind word, identifier and name.
enum HeadingReader {
  /// A heading that holds only the name (`# Create fake Social Media Profiles`, AMITT 2019): no kind word and no
  /// identifier; the page's identifier is in a field.
  static func nameOnly(in file: SourceFile, line: Int) -> Heading {
    let range = file.lineContentRange(line)
    let bytes = file.bytes
    var i = range.lowerBound
    if i == 0, file.hasByteOrderMark { i = 3 }
    while i < range.upperBound, bytes[i] == UInt8(ascii: "#") { i += 1 }
    while i < range.upperBound, bytes[i] == UInt8(ascii: " ") { i += 1 }
    return Heading(line: file.text(range), kindWord: nil, identifier: nil, name: file.text(i..<range.upperBound))
  }

  static func heading(in file: SourceFile, line: Int) -> Heading {
    let range = file.lineContentRange(line)
    let bytes = file.bytes
    var i = range.lowerBound
    // A UTF-8 byte-order mark at the start of the file is not part of the heading.
    if i == 0, file.hasByteOrderMark { i = 3 }
    while i < range.upperBound, bytes[i] == UInt8(ascii: "#") { i += 1 }
    while i < range.upperBound, bytes[i] == UInt8(ascii: " ") { i += 1 }
    let wordStart = i
    while i < range.upperBound, bytes[i] != UInt8(ascii: " "), bytes[i] != UInt8(ascii: ":") { i += 1 }
    let kindWord = i > wordStart ? file.text(wordStart..<i) : nil
    if i < range.upperBound, bytes[i] == UInt8(ascii: " ") { i += 1 }
    guard let colon = bytes[i..<range.upperBound].firstIndex(of: UInt8(ascii: ":")) else {
      // No colon: everything after the kind word is the identifier.
      return Heading(line: file.text(range), kindWord: kindWord, identifier: file.text(i..<range.upperBound), name: nil)
    }
    var nameStart = colon + 1
    if nameStart < range.upperBound, bytes[nameStart] == UInt8(ascii: " ") { nameStart += 1 }
    return Heading(
      line: file.text(range), kindWord: kindWord, identifier: file.text(i..<colon),
      name: file.text(nameStart..<range.upperBound))
  }
}
