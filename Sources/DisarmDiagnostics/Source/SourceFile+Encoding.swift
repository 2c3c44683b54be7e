#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension SourceFile {
  /// The offset of the first NUL byte: a binary or corrupted file, never rewritten (`binary-content`).
  /// Found with `memchr`: every byte of every page is scanned on each check.
  public var firstNULOffset: Int? {
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
      return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
  }

  /// The offset of the first byte that does not start or continue a valid UTF-8 sequence (`invalid-utf8`).
  public var firstInvalidUTF8Offset: Int? { Self.firstInvalidUTF8Offset(bytes) }

  /// The offset of the first byte that does not start or continue a valid UTF-8 sequence. Runs of ASCII, most of
  /// a page, are skipped eight bytes at a time.
  static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { bytes in
      var i = 0
      let count = bytes.count
      guard let base = bytes.baseAddress else { return nil }
      while i < count {
        while i + 8 <= count,
          UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
          i += 8
        }
        guard i < count else { break }
        let byte = bytes[i]
        if byte < 0x80 {
          i += 1
          continue
        }
        let length: Int
        let minimum: UInt32
        switch byte {
        case 0xC2...0xDF: (length, minimum) = (2, 0x80)
        case 0xE0...0xEF: (length, minimum) = (3, 0x800)
        case 0xF0...0xF4: (length, minimum) = (4, 0x10000)
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
}
