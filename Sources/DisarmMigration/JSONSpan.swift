import DisarmDiagnostics

/// A JSON document read with the byte range of every value, so that a migration changes only the strings it must
/// and leaves every other byte of the user's file (key order, spacing, numbers as written) exactly as it was.
///
/// ``JSONParser`` (whose limits bound the document first) gives values without places and writes keys sorted; a
/// layer, bundle or event rewritten through it would come back reordered and reformatted, which is a diff of every
/// line for a user who keeps the file in git. This reader only runs on a document JSONParser accepted.
public struct JSONSpan: Sendable {
  /// One member of an object: its key, the range from the key's opening quote to the value's end, and the value.
  public struct Member: Sendable {
    public var key: String
    public var range: Range<Int>
    public var value: JSONSpan
  }

  /// What the value is.
  public indirect enum Value: Sendable {
    case object([Member])
    case array([JSONSpan])
    case string(String)
    /// A number, `true`, `false` or `null`, as written.
    case scalar
  }

  public var range: Range<Int>
  public var value: Value

  /// The member named `key`, when this is an object that has one.
  public subscript(key: String) -> JSONSpan? {
    guard case .object(let members) = value else { return nil }
    return members.first { $0.key == key }?.value
  }

  public var string: String? {
    if case .string(let text) = value { return text }
    return nil
  }

  public var elements: [JSONSpan] {
    if case .array(let elements) = value { return elements }
    return []
  }

  public var members: [Member] {
    if case .object(let members) = value { return members }
    return []
  }

  /// Reads `bytes`, which must be one JSON document within `limits` (checked by ``JSONParser`` first).
  public static func read(_ bytes: [UInt8], limits: JSONParser.Limits) throws(JSONParser.Malformed) -> JSONSpan {
    _ = try JSONParser.parse(bytes, limits: limits, indexing: [])
    var reader = Reader(bytes: bytes)
    reader.skipSpace()
    return reader.value()
  }

  /// The reader proper: the document is known to be well formed, so it reads without error paths.
  private struct Reader {
    let bytes: [UInt8]
    var offset = 0

    init(bytes: [UInt8]) {
      self.bytes = bytes
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    }

    mutating func skipSpace() {
      while offset < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[offset]) { offset += 1 }
    }

    mutating func value() -> JSONSpan {
      let start = offset
      switch bytes[offset] {
      case UInt8(ascii: "{"):
        offset += 1
        var members: [Member] = []
        skipSpace()
        while bytes[offset] != UInt8(ascii: "}") {
          let keyStart = offset
          let key = string()
          skipSpace()
          offset += 1  // :
          skipSpace()
          let value = value()
          members.append(Member(key: key, range: keyStart..<value.range.upperBound, value: value))
          skipSpace()
          if bytes[offset] == UInt8(ascii: ",") {
            offset += 1
            skipSpace()
          }
        }
        offset += 1
        return JSONSpan(range: start..<offset, value: .object(members))
      case UInt8(ascii: "["):
        offset += 1
        var elements: [JSONSpan] = []
        skipSpace()
        while bytes[offset] != UInt8(ascii: "]") {
          elements.append(value())
          skipSpace()
          if bytes[offset] == UInt8(ascii: ",") {
            offset += 1
            skipSpace()
          }
        }
        offset += 1
        return JSONSpan(range: start..<offset, value: .array(elements))
      case UInt8(ascii: "\""):
        let text = string()
        return JSONSpan(range: start..<offset, value: .string(text))
      default:
        while offset < bytes.count,
          ![0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(bytes[offset])
        {
          offset += 1
        }
        return JSONSpan(range: start..<offset, value: .scalar)
      }
    }

    /// A string at `offset` (its opening quote), decoded; `offset` ends after the closing quote.
    mutating func string() -> String {
      offset += 1
      var scalars = String.UnicodeScalarView()
      var runStart = offset
      func flush(_ end: Int) {
        scalars.append(contentsOf: String(decoding: bytes[runStart..<end], as: UTF8.self).unicodeScalars)
      }
      while bytes[offset] != UInt8(ascii: "\"") {
        guard bytes[offset] == UInt8(ascii: "\\") else {
          offset += 1
          continue
        }
        flush(offset)
        let escaped = bytes[offset + 1]
        offset += 2
        switch escaped {
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "b"): scalars.append("\u{8}")
        case UInt8(ascii: "f"): scalars.append("\u{C}")
        case UInt8(ascii: "u"):
          var code = hex4()
          if (0xD800..<0xDC00).contains(code), offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
            bytes[offset + 1] == UInt8(ascii: "u")
          {
            offset += 2
            let low = hex4()
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        default: scalars.append(Unicode.Scalar(escaped))
        }
        runStart = offset
      }
      flush(offset)
      offset += 1
      return String(scalars)
    }

    mutating func hex4() -> UInt32 {
      var code: UInt32 = 0
      for _ in 0..<4 {
        let byte = bytes[offset]
        let digit: UInt8 =
          byte <= UInt8(ascii: "9") ? byte - 48 : (byte | 0x20) - UInt8(ascii: "a") + 10
        code = code << 4 | UInt32(digit)
        offset += 1
      }
      return code
    }
  }
}

/// A JSON string literal for `text`, escaped as JSONWriter escapes strings.
func jsonLiteral(_ text: String) -> [UInt8] {
  var bytes: [UInt8] = []
  JSONWriter.writeString(text, into: &bytes)
  return bytes
}
