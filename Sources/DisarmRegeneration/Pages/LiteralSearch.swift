import Foundation

extension String {
  /// The first occurrence of `pattern`, as Foundation's `range(of:)` finds it. When both strings are ASCII (one
  /// character per byte, so that a match of the bytes is a match of the characters) it is found on the bytes:
  /// Foundation's search goes through `NSString` and cost thousands of instructions for each regenerated row.
  func firstRange(ofLiteral pattern: String) -> Range<String.Index>? {
    var text = self
    var needle = pattern
    let found = text.withUTF8 { text in
      needle.withUTF8 { needle -> Int?? in
        guard !needle.isEmpty, !text.contains(where: { $0 >= 0x80 }), !needle.contains(where: { $0 >= 0x80 }) else {
          return nil
        }
        guard needle.count <= text.count else { return .some(nil) }
        for start in 0...(text.count - needle.count) where text[start] == needle[0] {
          if (1..<needle.count).allSatisfy({ text[start + $0] == needle[$0] }) { return start }
        }
        return .some(nil)
      }
    }
    // Not both ASCII: Foundation's search by characters.
    guard let found else { return range(of: pattern) }
    return found.map { start in
      let lower = utf8.index(utf8.startIndex, offsetBy: start)
      return lower..<utf8.index(lower, offsetBy: pattern.utf8.count)
    }
  }
}
