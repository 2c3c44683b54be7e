import DisarmDiagnostics

/// Reads a pipe table from the source lines of a paragraph.
enum TableReader {
  /// Whether a paragraph starting at `start` looks like a table: its first line starts with `|`.
  static func startsTable(_ file: SourceFile, at start: Int) -> Bool {
    start < file.bytes.count && file.bytes[start] == UInt8(ascii: "|")
  }

  /// The table in lines `firstLine...lastLine` (1-based). The first line is the header; a delimiter line
  /// (`| --- |`) follows when the table is well formed.
  static func table(in file: SourceFile, firstLine: Int, lastLine: Int) -> MarkdownTable {
    let headerRange = file.lineContentRange(firstLine)
    let header = file.text(headerRange)
    let columns = cells(in: file, range: headerRange).cells.map { $0.trimmed }
    var line = firstLine + 1
    var delimiter: SourceText?
    if line <= lastLine, isDelimiter(file, line: line) {
      delimiter = file.text(file.lineContentRange(line))
      line += 1
    }
    // Group lines into rows: a line that does not start with `|` continues the row before it.
    var rowRanges: [Range<Int>] = []
    while line <= lastLine {
      let range = file.lineContentRange(line)
      if let last = rowRanges.last, range.isEmpty || file.bytes[range.lowerBound] != UInt8(ascii: "|") {
        rowRanges[rowRanges.count - 1] = last.lowerBound..<range.upperBound
      } else {
        rowRanges.append(range)
      }
      line += 1
    }
    let rows = rowRanges.map { row(in: file, range: $0) }
    return MarkdownTable(header: header, columns: columns, delimiter: delimiter, rows: rows)
  }

  /// The row whose source is exactly `range` (one or more lines).
  static func row(in file: SourceFile, range: Range<Int>) -> TableRow {
    let (cells, closed) = cells(in: file, range: range)
    return TableRow(
      source: file.text(range), cells: cells, links: LinkScanner.links(in: file, range: range), isClosed: closed)
  }

  static func isDelimiter(_ file: SourceFile, line: Int) -> Bool {
    let range = file.lineContentRange(line)
    guard !range.isEmpty, file.bytes[range.lowerBound] == UInt8(ascii: "|") else { return false }
    var sawDash = false
    for byte in file.bytes[range] {
      switch byte {
      case UInt8(ascii: "-"): sawDash = true
      case UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"): continue
      default: return false
      }
    }
    return sawDash
  }

  /// Splits a row at unescaped pipes that are not inside a link's brackets or parentheses.
  static func cells(in file: SourceFile, range: Range<Int>) -> (cells: [SourceText], closed: Bool) {
    // The byte loop runs over every row of every table, the parser's hottest loop: it reads through an unsafe
    // buffer (no bounds checks or reference counting per byte) and collects the pipes in one array.
    file.bytes.withUnsafeBufferPointer { bytes in
      var pipes: [Int] = []
      pipes.reserveCapacity(8)
      var bracketDepth = 0
      var parenDepth = 0
      var i = range.lowerBound
      while true {
        // Most bytes are none of the six that matter: skip them eight at a time.
        i = ByteScan.tableStructure.next(in: bytes, from: i, to: range.upperBound)
        guard i < range.upperBound else { break }
        switch bytes[i] {
        case UInt8(ascii: "\\"): i += 1
        case UInt8(ascii: "["): bracketDepth += 1
        case UInt8(ascii: "]"):
          bracketDepth = max(0, bracketDepth - 1)
          if bracketDepth == 0, i + 1 < range.upperBound, bytes[i + 1] == UInt8(ascii: "(") {
            parenDepth = 1
            i += 1
          }
        case UInt8(ascii: "("): if parenDepth > 0 { parenDepth += 1 }
        case UInt8(ascii: ")"): if parenDepth > 0 { parenDepth -= 1 }
        case UInt8(ascii: "|"): if bracketDepth == 0 && parenDepth == 0 { pipes.append(i) }
        default: break
        }
        i += 1
      }
      // Text after the last pipe that is only spaces counts as a closed row.
      var trailing = range.upperBound
      while trailing > range.lowerBound,
        bytes[trailing - 1] == UInt8(ascii: " ") || bytes[trailing - 1] == UInt8(ascii: "\t")
      {
        trailing -= 1
      }
      let closed = pipes.last.map { $0 == trailing - 1 } ?? false
      var boundaries = pipes
      if pipes.first != range.lowerBound { boundaries.insert(range.lowerBound - 1, at: 0) }
      if !closed { boundaries.append(range.upperBound) }
      var cells: [SourceText] = []
      cells.reserveCapacity(max(0, boundaries.count - 1))
      for index in 0..<max(0, boundaries.count - 1) {
        var start = boundaries[index] + 1
        var end = boundaries[index + 1]
        if start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        cells.append(file.text(start..<end))
      }
      return (cells, closed)
    }
  }
}
