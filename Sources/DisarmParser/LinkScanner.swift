import DisarmDiagnostics

/// Finds markdown inline links `[text](destination)` in a byte range of a page.
///
/// Linear in the range: the bracket and parenthesis that close each opening one are found in one pass each (with a
/// stack), instead of scanning ahead from every `[` (which on a summary of megabytes full of unclosed brackets cost
/// time quadratic in its length). The matches are the ones the forward scan would find: `\` escapes the next byte
/// for brackets, brackets nest, and a destination's parentheses nest and end at the line's end.
enum LinkScanner {
  static func links(in file: SourceFile, range: Range<Int>) -> [Link] {
    let bytes = file.bytes
    let closingBracket = matches(
      in: bytes, range: range, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), escapes: true)
    var closingParenthesis: [Int: Int]?
    var links: [Link] = []
    var i = range.lowerBound
    while i < range.upperBound {
      guard bytes[i] == UInt8(ascii: "["), i == 0 || bytes[i - 1] != UInt8(ascii: "\\") else {
        i += 1
        continue
      }
      guard let textEnd = closingBracket[i], textEnd + 1 < range.upperBound, bytes[textEnd + 1] == UInt8(ascii: "(")
      else {
        i += 1
        continue
      }
      // Parentheses are matched only once some bracket is followed by one (most pages have no links at all).
      if closingParenthesis == nil {
        closingParenthesis = matches(
          in: bytes, range: range, open: UInt8(ascii: "("), close: UInt8(ascii: ")"), escapes: false, lineBound: true)
      }
      guard let end = closingParenthesis?[textEnd + 1] else {
        i += 1
        continue
      }
      links.append(Link(whole: file.text(i..<(end + 1)), textEnd: textEnd))
      i = end + 1
    }
    return links
  }

  /// For each `open` byte in `range`, the position of the `close` byte that ends it (nesting counted), in one pass.
  /// With `escapes`, a `\` makes the next byte plain; with `lineBound`, a line break ends every open one unmatched.
  static func matches(
    in bytes: [UInt8], range: Range<Int>, open: UInt8, close: UInt8, escapes: Bool, lineBound: Bool = false
  ) -> [Int: Int] {
    var stack: [Int] = []
    var result: [Int: Int] = [:]
    var j = range.lowerBound
    while j < range.upperBound {
      let byte = bytes[j]
      if escapes, byte == UInt8(ascii: "\\") {
        j += 2
        continue
      }
      if byte == open {
        stack.append(j)
      } else if byte == close, let start = stack.popLast() {
        result[start] = j
      } else if lineBound, byte == UInt8(ascii: "\n") {
        stack.removeAll(keepingCapacity: true)
      }
      j += 1
    }
    return result
  }
}
