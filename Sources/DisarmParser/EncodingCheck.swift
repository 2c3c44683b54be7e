/// Checks that a page is text: valid UTF-8 and free of NUL bytes.
enum EncodingCheck {
  static func diagnostics(for file: SourceFile) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    if let nul = file.bytes.firstIndex(of: 0) {
      diagnostics.append(
        Diagnostic(
          rule: "binary-content", severity: .error, file: file.path, at: file.position(at: nul),
          message: "page contains a NUL byte at byte offset \(nul); it is not a text file"))
    }
    if let invalid = firstInvalidUTF8Offset(file.bytes) {
      diagnostics.append(
        Diagnostic(
          rule: "invalid-utf8", severity: .error, file: file.path, at: file.position(at: invalid),
          message: "page is not valid UTF-8 at byte offset \(invalid)"))
    }
    return diagnostics
  }

  /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
  static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    var i = 0
    let count = bytes.count
    while i < count {
      let byte = bytes[i]
      if byte < 0x80 { i += 1; continue }
      let length: Int
      let minimum: UInt32
      switch byte {
      case 0xC2...0xDF: length = 2; minimum = 0x80
      case 0xE0...0xEF: length = 3; minimum = 0x800
      case 0xF0...0xF4: length = 4; minimum = 0x10000
      default: return i
      }
      guard i + length <= count else { return i }
      var scalar = UInt32(byte) & (0xFF >> (length + 1))
      for j in 1..<length {
        let next = bytes[i + j]
        guard next & 0xC0 == 0x80 else { return i }
        scalar = scalar << 6 | UInt32(next & 0x3F)
      }
      if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
      i += length
    }
    return nil
  }
}
