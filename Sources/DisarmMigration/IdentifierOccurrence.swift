import DisarmDiagnostics
import DisarmFramework

/// An identifier written in text (prose, a CSV header or cell, a Markdown link's text or target), with the old
/// release's name after it when the text writes one: `T0049.003: Name`, `T0049.003 - Name`, `T0049.003_Name` (a
/// CSV dataset's header), `[T0087 Name](…)` (an incident page's row).
struct IdentifierOccurrence {
  var code: Range<Int>
  /// The name as written after the code (the old release's or the new one's), when it follows in one of the forms
  /// above.
  var name: Range<Int>?

  /// The separators a name may follow, longest first.
  private static let separators: [[UInt8]] = [": ", " - ", " – ", ":", "_", " "].map { Array($0.utf8) }

  /// Every identifier in `bytes[range]` that `syntaxes` recognise (the first that matches wins), with the name
  /// `names(code)` gives (the old release's name, then the new one's) when the text writes one right after. Unlike prose references in pages, a code may touch `_`
  /// (dataset headers) and follow `/` (links and web addresses that name a page).
  static func all(
    in bytes: [UInt8], range: Range<Int>, syntaxes: [IdentifierSyntax], names: (String) -> [String]
  ) -> [IdentifierOccurrence] {
    var found: [IdentifierOccurrence] = []
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
      let byte = bytes[i]
      guard byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z"),
        i == 0 || !(IdentifierSyntax.isIdentifierByte(bytes[i - 1]) || bytes[i - 1] == UInt8(ascii: "."))
      else {
        i += 1
        continue
      }
      // The syntax refuses a code that touches `_`; it is matched on a copy of the next bytes with `_` as a space.
      var window = Array(bytes[i..<min(end, i + 24)])
      for index in window.indices where window[index] == UInt8(ascii: "_") { window[index] = 0x20 }
      guard let match = syntaxes.lazy.compactMap({ $0.match(window, at: 0) }).first else {
        i += 1
        continue
      }
      let codeEnd = i + match.end
      let code = String(decoding: bytes[i..<codeEnd], as: UTF8.self)
      var occurrence = IdentifierOccurrence(code: i..<codeEnd, name: nil)
      for written in names(code) {
        let nameBytes = Array(written.utf8)
        guard !nameBytes.isEmpty, occurrence.name == nil else { continue }
        for separator in separators where bytes[codeEnd..<end].starts(with: separator) {
          let start = codeEnd + separator.count
          if bytes[start..<end].starts(with: nameBytes) {
            let after = start + nameBytes.count
            // The whole name, not the start of a longer word.
            if after == end || !(bytes[after] >= 0x80 || IdentifierSyntax.isIdentifierByte(bytes[after])) {
              occurrence.name = start..<after
              break
            }
          }
        }
      }
      found.append(occurrence)
      i = occurrence.name?.upperBound ?? codeEnd
    }
    return found
  }
}

extension SourceFile {
  /// `line:column` of `offset` (both from 1, the column in bytes): a migration report's place in a text file.
  func place(_ offset: Int) -> String {
    let position = position(at: offset)
    return "\(position.line):\(position.column)"
  }
}
