import DisarmDiagnostics
import DisarmParser

/// Gives a regenerated page the byte-level style of the file it replaces: a UTF-8 byte-order mark if the file had
/// one, and CRLF line endings if the file used them. The notes tail is left exactly as it was.
enum SourceStyle {
  static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  static func apply(_ rendered: [UInt8], like file: SourceFile?, notesTail: [UInt8]? = nil) -> [UInt8] {
    guard let file, file.hasByteOrderMark || file.usesCRLF else { return rendered }
    var body = rendered[...]
    var tail: ArraySlice<UInt8> = []
    if let notesTail, !notesTail.isEmpty, rendered.count >= notesTail.count,
      rendered.suffix(notesTail.count).elementsEqual(notesTail)
    {
      body = rendered.dropLast(notesTail.count)
      tail = rendered.suffix(notesTail.count)
    }
    var output: [UInt8] = []
    output.reserveCapacity(rendered.count + rendered.count / 20)
    if file.hasByteOrderMark, !body.starts(with: byteOrderMark) { output += byteOrderMark }
    if file.usesCRLF {
      var previous: UInt8 = 0
      for byte in body {
        if byte == UInt8(ascii: "\n"), previous != UInt8(ascii: "\r") { output.append(UInt8(ascii: "\r")) }
        output.append(byte)
        previous = byte
      }
    } else {
      output += body
    }
    output += tail
    return output
  }
}
