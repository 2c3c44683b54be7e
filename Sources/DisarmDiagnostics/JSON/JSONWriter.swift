/// Writes a ``JSONValue`` as UTF-8: sorted keys, two-space indentation, `/` unescaped, a final newline.
///
/// Written by hand rather than with `JSONEncoder` so that the bytes are the same on every platform and the writer
/// stays linear in the size of the output.
public enum JSONWriter {
  /// A complete document's bytes, final newline included.
  public static func write(_ value: JSONValue) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(1 << 20)
    write(value, indent: 0, into: &output)
    output.append(UInt8(ascii: "\n"))
    return output
  }

  /// Appends `value` at nesting depth `indent`, without a final newline: for callers that stream a large document
  /// in pieces.
  public static func write(_ value: JSONValue, indent: Int, into output: inout [UInt8]) {
    switch value {
    case .null: output += "null".utf8
    case .bool(let bool): output += (bool ? "true" : "false").utf8
    case .int(let int): output += String(int).utf8
    case .number(let number): writeNumber(number, into: &output)
    case .string(let string): writeString(string, into: &output)
    case .array(let values):
      guard !values.isEmpty else {
        output += "[]".utf8
        return
      }
      output.append(UInt8(ascii: "["))
      for (index, element) in values.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        newline(indent + 1, into: &output)
        write(element, indent: indent + 1, into: &output)
      }
      newline(indent, into: &output)
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}".utf8
        return
      }
      output.append(UInt8(ascii: "{"))
      for (index, key) in members.keys.sorted().enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        newline(indent + 1, into: &output)
        writeString(key, into: &output)
        output += ": ".utf8
        write(members[key]!, indent: indent + 1, into: &output)
      }
      newline(indent, into: &output)
      output.append(UInt8(ascii: "}"))
    }
  }

  /// `value` on one line, without whitespace or a final newline (keys sorted): for messages to other programs,
  /// such as the language server's, where layout only costs bytes.
  public static func compact(_ value: JSONValue) -> [UInt8] {
    var output: [UInt8] = []
    writeCompact(value, into: &output)
    return output
  }

  /// Appends `value` as ``compact(_:)`` writes it.
  public static func writeCompact(_ value: JSONValue, into output: inout [UInt8]) {
    switch value {
    case .array(let values):
      output.append(UInt8(ascii: "["))
      for (index, element) in values.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        writeCompact(element, into: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      output.append(UInt8(ascii: "{"))
      for (index, key) in members.keys.sorted().enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        writeString(key, into: &output)
        output.append(UInt8(ascii: ":"))
        writeCompact(members[key]!, into: &output)
      }
      output.append(UInt8(ascii: "}"))
    default:
      write(value, indent: 0, into: &output)
    }
  }

  /// Appends a number in the shortest form that reads back as the same `Double`; JSON has no infinities or NaN, so
  /// those (which the parser never produces) are written as `null`.
  static func writeNumber(_ number: Double, into output: inout [UInt8]) {
    guard number.isFinite else {
      output += "null".utf8
      return
    }
    output += number.description.utf8
  }

  /// Appends a line break and `indent` levels of two spaces, for streaming callers that lay out members themselves.
  public static func newline(_ indent: Int, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\n"))
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
  }

  static let hex = Array("0123456789abcdef".utf8)

  /// How many bytes at `index` make up a character written escaped (see ``writeString(_:into:)``), or 0.
  static func escapedLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = bytes[index]
    if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F { return 1 }
    guard byte == 0xC2 || byte == 0xE2, index + 1 < bytes.count else { return 0 }
    let second = bytes[index + 1]
    if byte == 0xC2 { return (0x80...0x9F).contains(second) ? 2 : 0 }
    guard index + 2 < bytes.count else { return 0 }
    let third = bytes[index + 2]
    // U+2028–U+202E are E2 80 A8–AE; U+2066–U+2069 are E2 81 A6–A9.
    if second == 0x80, (0xA8...0xAE).contains(third) { return 3 }
    if second == 0x81, (0xA6...0xA9).contains(third) { return 3 }
    return 0
  }

  /// Appends `string` as a JSON string: quotes, backslashes and control characters escaped; `/` and non-ASCII text
  /// written as they are, but for the scalars that act on a terminal or a reader when printed raw: C1 controls
  /// (U+0080–U+009F), the line and paragraph separators (U+2028, U+2029, line ends in JavaScript before ES2019) and
  /// the bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069), written `\u009b`. The text stays exact.
  public static func writeString(_ string: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    var string = string
    string.withUTF8 { bytes in
      // Copy runs of bytes that need no escaping in one go.
      var runStart = 0
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        let length = escapedLength(bytes, at: index)
        guard length > 0 else {
          index += 1
          continue
        }
        if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
        switch byte {
        case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
        case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
        case UInt8(ascii: "\n"): output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
        case UInt8(ascii: "\r"): output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
        case UInt8(ascii: "\t"): output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
        default:
          // The scalar of a one-, two- or three-byte UTF-8 sequence.
          let scalar: UInt32 =
            switch length {
            case 1: UInt32(byte)
            case 2: UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            default:
              UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            }
          output += [UInt8(ascii: "\\"), UInt8(ascii: "u")]
          for shift in [12, 8, 4, 0] { output.append(hex[Int((scalar >> UInt32(shift)) & 0xF)]) }
        }
        index += length
        runStart = index
      }
      if runStart < bytes.count {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}
