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
///
/// Each pass reads only the part of the range its matches can depend on: a link's text ends at a `]` followed by
/// `(`, so brackets are matched up to the last such `]` (a bracket's match depends on nothing after it); a
/// destination starts at such a `(`, so parentheses are matched from the first one, until every destination has
/// closed or can no longer close (a parenthesis's match depends on nothing before it). A table row's link is at
/// its start, and the description after it is read by neither pass.
enum LinkScanner {
  static func links(in file: SourceFile, range: Range<Int>) -> [Link] {
    file.bytes.withUnsafeBufferPointer { bytes in
      // Every link has `](` in it: a range without one (most fields and rows of prose) has none to find.
      let destinations = destinationStarts(bytes, range: range)
      guard let lastDestination = destinations.last else { return [] }
      // The brackets that close, in the order they open; each opening bracket that starts a link is one of them.
      let brackets = bracketPairs(in: bytes, range: range.lowerBound..<lastDestination)
      var parentheses: [(open: Int, close: Int)]?
      var links: [Link] = []
      var i = range.lowerBound
      for (start, textEnd) in brackets where start >= i {
        guard start == 0 || bytes[start - 1] != UInt8(ascii: "\\"), textEnd + 1 < range.upperBound,
          bytes[textEnd + 1] == UInt8(ascii: "(")
        else { continue }
        // Parentheses are matched only once some bracket is followed by one (most pages have no links at all).
        if parentheses == nil {
          parentheses = destinationPairs(in: bytes, starts: destinations, upperBound: range.upperBound)
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

  /// The offsets of every `(` that follows a `]` in `range`, in order (`memchr` to each `]`): where a link's
  /// destination may start.
  static func destinationStarts(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Int] {
    guard let base = bytes.baseAddress else { return [] }
    var starts: [Int] = []
    var index = range.lowerBound
    while index < range.upperBound - 1,
      let found = memchr(base + index, Int32(UInt8(ascii: "]")), range.upperBound - 1 - index)
    {
      let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      if base[at + 1] == UInt8(ascii: "(") { starts.append(at + 1) }
      index = at + 1
    }
    return starts
  }

  /// For each `[` in `range` that some `]` closes (nesting counted, `\` making the next byte plain), the pair of
  /// their positions, in the order the `[` come; in one pass, which skips the bytes that are none of the three
  /// (``ByteScan``).
  static func bracketPairs(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [(open: Int, close: Int)] {
    // Each opening bracket takes its place in the result when it is met (its close unknown, -1), the stack holding
    // where; so the result comes out in opening order, without sorting or a table. Called only on text with a `](`
    // in it: room for a few pairs at once saves growing both arrays from empty.
    var stack: [Int] = []
    stack.reserveCapacity(4)
    var pairs: [(open: Int, close: Int)] = []
    pairs.reserveCapacity(8)
    let scan = ByteScan(bytes: UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\\"))
    var j = range.lowerBound
    while true {
      j = scan.next(in: bytes, from: j, to: range.upperBound)
      guard j < range.upperBound else { break }
      switch bytes[j] {
      case UInt8(ascii: "["):
        stack.append(pairs.count)
        pairs.append((j, -1))
      case UInt8(ascii: "]"):
        if let place = stack.popLast() { pairs[place].close = j }
      default:
        j += 1
      }
      j += 1
    }
    return pairs.filter { $0.close >= 0 }
  }

  /// For each `(` from the first of `starts` on that some `)` closes before a line feed (nesting counted), the pair
  /// of their positions, in the order the `(` come; among them, every one of `starts` that closes. The pass stops
  /// once it is past the last of `starts` and none of them is still open.
  static func destinationPairs(
    in bytes: UnsafeBufferPointer<UInt8>, starts: [Int], upperBound: Int
  ) -> [(open: Int, close: Int)] {
    guard let first = starts.first, let last = starts.last else { return [] }
    // Each open parenthesis: its place in `pairs`, and whether it starts a destination.
    var stack: [(place: Int, isStart: Bool)] = []
    stack.reserveCapacity(4)
    var pairs: [(open: Int, close: Int)] = []
    pairs.reserveCapacity(8)
    var openStarts = 0
    var nextStart = 0
    let scan = ByteScan(bytes: UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\n"))
    var j = first
    while j <= last || openStarts > 0 {
      j = scan.next(in: bytes, from: j, to: upperBound)
      guard j < upperBound else { break }
      switch bytes[j] {
      case UInt8(ascii: "("):
        while nextStart < starts.count, starts[nextStart] < j { nextStart += 1 }
        let isStart = nextStart < starts.count && starts[nextStart] == j
        if isStart { openStarts += 1 }
        stack.append((pairs.count, isStart))
        pairs.append((j, -1))
      case UInt8(ascii: ")"):
        if let open = stack.popLast() {
          pairs[open.place].close = j
          if open.isStart { openStarts -= 1 }
        }
      default:
        stack.removeAll(keepingCapacity: true)
        openStarts = 0
      }
      j += 1
    }
    return pairs.filter { $0.close >= 0 }
  }
}
