/// The name a report writes after `ID: `, checked against the object's.
///
/// The prose scanner reads a name up to the end of its phrase: a comma, a semicolon, an unbalanced `)`, a full stop
/// before a space, the line end. Real names hold such punctuation (`TA19: Accounts, Software, and Infrastructure`,
/// `C00011: Media literacy. Games to identify fake news`, `C00130: Mentorship: elders, youth, credit.`), so the text
/// read is cut inside the name; and a report may go on after the name without punctuation or after a colon
/// (`T0049.003: Bots Amplify via Automated Forwarding and Reposting: the network reposted…`), so the text read runs
/// past it. Comparing the text read with the name called both a mismatch. Instead the name is looked for as a
/// prefix of what follows `ID: `, word by word as names are compared everywhere in `disarm tag` (case, spacing,
/// hyphens, a plural and punctuation aside), and accepted when the report's phrase can end where the name ends.
enum WrittenName {
  /// The byte range of `name` written at `start` of `bytes` (before `limit`), or nil when the text there is not the
  /// name.
  ///
  /// The text agrees when its first words are the name's words (punctuation before the first word, such as a quote,
  /// aside) and what follows the name's last word, spaces aside, is the end, a line break, punctuation, or a word in
  /// lower case (the prose going on: `…Reposting was used`). A word starting with a capital letter or a digit goes on
  /// with the name (`Facilitate State Propaganda Campaigns` is not `Facilitate State Propaganda`): a mismatch. The
  /// text looked at ends at a blank line and is bounded by the name's length, so a check costs no more than the name.
  static func match(_ name: String, in bytes: [UInt8], at start: Int, limit: Int) -> Range<Int>? {
    let wanted = NameIndex.words(in: Array(name.utf8)).map(\.word)
    guard !wanted.isEmpty, start < limit else { return nil }
    var end = min(limit, bytes.count, start + 2 * name.utf8.count + 64)
    if let blank = blankLine(in: bytes, from: start, to: end) { end = blank }
    let window = Array(bytes[start..<end])
    let words = NameIndex.words(in: window)
    guard words.count >= wanted.count, words.prefix(wanted.count).map(\.word) == wanted else { return nil }
    // Nothing but punctuation before the first word (no line break: the name starts on the line of its identifier).
    guard !window[..<words[0].range.lowerBound].contains(where: { $0 == 10 || $0 == 13 }) else { return nil }
    let nameEnd = words[wanted.count - 1].range.upperBound
    var next = nameEnd
    while next < window.count, window[next] == 0x20 || window[next] == 0x09 { next += 1 }
    if next < window.count {
      let byte = window[next]
      // A capital letter or a digit goes on with the name; a lower-case letter (or a non-ASCII letter in lower case)
      // is the sentence going on.
      if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) { return nil }
      if byte >= 0x80,
        let scalar = String(decoding: window[next..<min(window.count, next + 4)], as: UTF8.self)
          .unicodeScalars.first, scalar.properties.isUppercase
      {
        return nil
      }
    }
    return start..<(start + nameEnd)
  }

  /// The offset of the first blank line (a line break, spaces or tabs, a line break) in `from..<to`, if any.
  static func blankLine(in bytes: [UInt8], from: Int, to: Int) -> Int? {
    var index = from
    while index < to {
      if bytes[index] == 10 {
        var next = index + 1
        while next < to, bytes[next] == 0x20 || bytes[next] == 0x09 || bytes[next] == 13 { next += 1 }
        if next < to, bytes[next] == 10 { return index }
      }
      index += 1
    }
    return nil
  }
}
