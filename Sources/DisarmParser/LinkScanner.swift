import DisarmDiagnostics

/// Finds markdown inline links `[text](destination)` in a byte range of a page.
enum LinkScanner {
  static func links(in file: SourceFile, range: Range<Int>) -> [Link] {
    let bytes = file.bytes
    var links: [Link] = []
    var i = range.lowerBound
    while i < range.upperBound {
      guard bytes[i] == UInt8(ascii: "["), i == 0 || bytes[i - 1] != UInt8(ascii: "\\") else {
        i += 1
        continue
      }
      // Matching `]`, allowing nested brackets.
      var depth = 0
      var close: Int?
      var j = i
      while j < range.upperBound {
        let byte = bytes[j]
        if byte == UInt8(ascii: "\\") {
          j += 2
          continue
        }
        if byte == UInt8(ascii: "[") { depth += 1 }
        if byte == UInt8(ascii: "]") {
          depth -= 1
          if depth == 0 {
            close = j
            break
          }
        }
        j += 1
      }
      guard let textEnd = close, textEnd + 1 < range.upperBound, bytes[textEnd + 1] == UInt8(ascii: "(") else {
        i += 1
        continue
      }
      var parenDepth = 0
      var destinationEnd: Int?
      var k = textEnd + 1
      while k < range.upperBound {
        let byte = bytes[k]
        if byte == UInt8(ascii: "\n") { break }
        if byte == UInt8(ascii: "(") { parenDepth += 1 }
        if byte == UInt8(ascii: ")") {
          parenDepth -= 1
          if parenDepth == 0 {
            destinationEnd = k
            break
          }
        }
        k += 1
      }
      guard let end = destinationEnd else {
        i += 1
        continue
      }
      links.append(Link(whole: file.text(i..<(end + 1)), textEnd: textEnd))
      i = end + 1
    }
    return links
  }
}
