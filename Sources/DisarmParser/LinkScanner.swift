import DisarmDiagnostics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds markdown inline links `[text](destination)` in a byte range of a page.
///
/// Linear in the range: the bracket and parenthesis that close each opening one are found in one pass each (with a
/// stack), instead of scanning ahead from every `[` (which on a summary of megabytes full of unclosed brackets cost
/// time quadratic in its length). The matches are the ones the forward scan would find: `\` escapes the next byte
/// for brackets, brackets nest, and a destination's parentheses nest and end at the line's end.
enum LinkScanner {
  static func links(in file: SourceFile, range: Range<Int>) -> [Link] {
    file.bytes.withUnsafeBufferPointer { bytes in
      // Every link has `](` in it: a range without one (most fields and rows of prose) has none to find.
      guard hasBracketThenParenthesis(bytes, range: range) else { return [] }
      // The brackets that close, in the order they open; each opening bracket that starts a link is one of them.
      let brackets = matches(
        in: bytes, range: range, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), special: .backslashEscapes)
      var parentheses: [(open: Int, close: Int)]?
      var links: [Link] = []
      var i = range.lowerBound
      for (start, textEnd) in brackets where start >= i {
        guard start == 0 || bytes[start - 1] != UInt8(ascii: "\\"), textEnd + 1 < range.upperBound,
          bytes[textEnd + 1] == UInt8(ascii: "(")
        else { continue }
        // Parentheses are matched only once some bracket is followed by one (most pages have no links at all).
        if parentheses == nil {
          parentheses = matches(
            in: bytes, range: range, open: UInt8(ascii: "("), close: UInt8(ascii: ")"), special: .lineFeedEnds)
        }
        // The parentheses that close are in opening order: the one opening at `textEnd + 1`, if any, is found by
        // halving.
        var low = 0
        var high = parentheses!.count
        while low < high {
          let middle = (low + high) / 2
          if parentheses![middle].open < textEnd + 1 { low = middle + 1 } else { high = middle }
        }
        guard low < parentheses!.count, parentheses![low].open == textEnd + 1 else { continue }
        let end = parentheses![low].close
        links.append(Link(whole: file.text(start..<(end + 1)), textEnd: textEnd))
        i = end + 1
      }
      return links
    }
  }

  /// Whether `]` is followed by `(` somewhere in `range` (`memchr` to each `]`).
  static func hasBracketThenParenthesis(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    var index = range.lowerBound
    while index < range.upperBound - 1,
      let found = memchr(base + index, Int32(UInt8(ascii: "]")), range.upperBound - 1 - index)
    {
      let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      if base[at + 1] == UInt8(ascii: "(") { return true }
      index = at + 1
    }
    return false
  }

  /// The third byte a matching pass stops at, besides the opening and closing ones.
  enum Special {
    /// `\` makes the next byte plain (brackets).
    case backslashEscapes
    /// A line feed ends every open one unmatched (a destination's parentheses).
    case lineFeedEnds
  }

  /// For each `open` byte in `range` that some `close` byte ends (nesting counted), the pair of their positions,
  /// in the order the `open` bytes come; in one pass, which skips the bytes that are none of the three
  /// (``ByteScan``).
  static func matches(
    in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, open: UInt8, close: UInt8, special: Special
  ) -> [(open: Int, close: Int)] {
    // Each opening byte takes its place in the result when it is met (its close unknown, -1), the stack holding
    // where; so the result comes out in opening order, without sorting or a table.
    // Called only on text with a `](` in it: room for a few pairs at once saves growing both arrays from empty.
    var stack: [Int] = []
    stack.reserveCapacity(4)
    var pairs: [(open: Int, close: Int)] = []
    pairs.reserveCapacity(8)
    let scan = ByteScan(bytes: open, close, special == .backslashEscapes ? UInt8(ascii: "\\") : UInt8(ascii: "\n"))
    var j = range.lowerBound
    while true {
      j = scan.next(in: bytes, from: j, to: range.upperBound)
      guard j < range.upperBound else { break }
      let byte = bytes[j]
      if byte == open {
        stack.append(pairs.count)
        pairs.append((j, -1))
      } else if byte == close {
        if let place = stack.popLast() { pairs[place].close = j }
      } else if special == .backslashEscapes {
        j += 2
        continue
      } else {
        stack.removeAll(keepingCapacity: true)
      }
      j += 1
    }
    return pairs.filter { $0.close >= 0 }
  }
}
