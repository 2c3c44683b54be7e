/// Reads a JSON document (RFC 8259) into a ``JSONValue``: for the messages other programs send, such as an editor's
/// Language Server Protocol requests.
///
/// Strict where the RFC is: one value with optional whitespace around it, no trailing commas, no comments, no
/// unescaped control characters in strings, valid UTF-8, `\u` escapes with surrogates in pairs. Bounded: arrays
/// and objects nest at most ``maximumDepth`` deep, so that hostile input cannot exhaust the stack. Whole numbers
/// that fit an `Int` become ``JSONValue/int(_:)``, every other number ``JSONValue/number(_:)``; of duplicate keys the
/// last wins.
public struct JSONParser {
  /// Why a document could not be read, and the byte offset (from 0) where reading stopped.
  public struct Malformed: Error, Equatable, CustomStringConvertible {
    /// The offset of the byte that could not be read.
    public var offset: Int
    /// What was wrong there.
    public var reason: String
    public var description: String { "byte \(offset): \(reason)" }

    /// A reader of its own with the same errors (DisarmMigration's `JSONSpan`, which keeps byte ranges).
    public init(offset: Int, reason: String) {
      self.offset = offset
      self.reason = reason
    }
  }

  /// How deep arrays and objects may nest.
  public static let maximumDepth = 512

  /// Bounds for documents from untrusted files (`disarm import` of STIX bundles and MISP events): beyond the depth,
  /// how many values a document may hold and how long one string may be, so that neither a million objects nor a
  /// 100 MB string costs more than a clear error.
  public struct Limits: Sendable {
    public var maximumDepth: Int
    public var maximumValues: Int
    public var maximumStringBytes: Int

    public init(maximumDepth: Int = JSONParser.maximumDepth, maximumValues: Int, maximumStringBytes: Int) {
      self.maximumDepth = maximumDepth
      self.maximumValues = maximumValues
      self.maximumStringBytes = maximumStringBytes
    }
  }

  /// A document read under ``Limits``, with where some of its objects start: for messages that point at them.
  public struct Located: Sendable {
    public var value: JSONValue
    /// The byte offset of the first object whose member `key` is the string `value`, by ``key(_:_:)``.
    public var objectOffsets: [String: Int]

    /// The key of ``objectOffsets`` for the object whose member `member` holds the string `value`.
    public static func key(_ member: String, _ value: String) -> String { member + "\u{0}" + value }

    /// The byte offset of the first object whose member `member` holds `value`.
    public func offset(ofObjectWhere member: String, is value: String) -> Int? {
      objectOffsets[Self.key(member, value)]
    }
  }

  /// The value `bytes` hold.
  public static func parse(_ bytes: [UInt8], maximumDepth: Int = maximumDepth) throws(Malformed) -> JSONValue {
    var parser = JSONParser(bytes: bytes, maximumDepth: maximumDepth)
    parser.skipWhitespace()
    let value = try parser.value(depth: 0)
    parser.skipWhitespace()
    guard parser.index == bytes.count else { throw parser.failure("content after the value") }
    return value
  }

  /// The value `bytes` hold, read under `limits`, with the offsets of the objects whose member named one of
  /// `indexedMembers` holds a string (a STIX object's `id`, a MISP event's `uuid`).
  public static func parse(_ bytes: [UInt8], limits: Limits, indexing indexedMembers: Set<String>) throws(Malformed)
    -> Located
  {
    var parser = JSONParser(bytes: bytes, maximumDepth: limits.maximumDepth)
    parser.maximumValues = limits.maximumValues
    parser.maximumStringBytes = limits.maximumStringBytes
    parser.indexedMembers = indexedMembers
    parser.skipWhitespace()
    let value = try parser.value(depth: 0)
    parser.skipWhitespace()
    guard parser.index == bytes.count else { throw parser.failure("content after the value") }
    return Located(value: value, objectOffsets: parser.objectOffsets)
  }

  private let bytes: [UInt8]
  private let maximumDepth: Int
  private var index = 0
  private var maximumValues = Int.max
  private var maximumStringBytes = Int.max
  private var valueCount = 0
  private var indexedMembers: Set<String> = []
  private var objectOffsets: [String: Int] = [:]

  private init(bytes: [UInt8], maximumDepth: Int) {
    self.bytes = bytes
    self.maximumDepth = maximumDepth
  }

  private func failure(_ reason: String) -> Malformed { Malformed(offset: index, reason: reason) }

  private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func skipWhitespace() {
    while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
  }

  private mutating func expect(_ byte: UInt8, _ what: String) throws(Malformed) {
    guard current == byte else {
      throw failure(current == nil ? "the document ends where \(what) is expected" : "\(what) expected")
    }
    index += 1
  }

  private mutating func value(depth: Int) throws(Malformed) -> JSONValue {
    guard let byte = current else { throw failure("the document ends where a value is expected") }
    valueCount += 1
    guard valueCount <= maximumValues else { throw failure("more than \(maximumValues) values in the document") }
    switch byte {
    case UInt8(ascii: "{"): return try object(depth: depth + 1)
    case UInt8(ascii: "["): return try array(depth: depth + 1)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw failure("a value expected")
    }
  }

  private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(Malformed) -> JSONValue {
    let count = word.utf8CodeUnitCount
    let matches = word.withUTF8Buffer { expected in
      index + count <= bytes.count && bytes[index..<(index + count)].elementsEqual(expected)
    }
    guard matches else { throw failure("a value expected") }
    index += count
    return value
  }

  private mutating func array(depth: Int) throws(Malformed) -> JSONValue {
    guard depth <= maximumDepth else { throw failure("arrays and objects nested deeper than \(maximumDepth)") }
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try value(depth: depth))
      skipWhitespace()
      if current == UInt8(ascii: ",") {
        index += 1
        continue
      }
      try expect(UInt8(ascii: "]"), "',' or ']'")
      return .array(elements)
    }
  }

  private mutating func object(depth: Int) throws(Malformed) -> JSONValue {
    guard depth <= maximumDepth else { throw failure("arrays and objects nested deeper than \(maximumDepth)") }
    let start = index
    index += 1
    var members: [String: JSONValue] = [:]
    defer {
      for member in indexedMembers {
        if case .string(let value) = members[member] {
          let key = Located.key(member, value)
          if objectOffsets[key] == nil { objectOffsets[key] = start }
        }
      }
    }
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard current == UInt8(ascii: "\"") else { throw failure("a member's name (a string) expected") }
      let key = try string()
      skipWhitespace()
      try expect(UInt8(ascii: ":"), "':'")
      skipWhitespace()
      members[key] = try value(depth: depth)
      skipWhitespace()
      if current == UInt8(ascii: ",") {
        index += 1
        continue
      }
      try expect(UInt8(ascii: "}"), "',' or '}'")
      return .object(members)
    }
  }

  /// A string from its opening quote to past its closing one.
  private mutating func string() throws(Malformed) -> String {
    index += 1
    let start = index
    // Most strings have no escapes: their bytes are taken in one go.
    while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte >= 0x20 { index += 1 }
    guard index - start <= maximumStringBytes else {
      throw Malformed(offset: start - 1, reason: "a string longer than \(maximumStringBytes) bytes")
    }
    if current == UInt8(ascii: "\"") {
      let text = try decoded(start..<index)
      index += 1
      return text
    }
    var text = try decoded(start..<index)
    while true {
      guard let byte = current else { throw failure("the document ends inside a string") }
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return text
      case UInt8(ascii: "\\"):
        index += 1
        try escape(into: &text)
      case ..<0x20:
        throw failure("a control character in a string (write it as an escape)")
      default:
        let runStart = index
        while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte >= 0x20 { index += 1 }
        text += try decoded(runStart..<index)
      }
      guard index - start <= maximumStringBytes else {
        throw Malformed(offset: start - 1, reason: "a string longer than \(maximumStringBytes) bytes")
      }
    }
  }

  /// The text of a run of unescaped string bytes, which must be valid UTF-8.
  private func decoded(_ range: Range<Int>) throws(Malformed) -> String {
    guard let text = String(validating: bytes[range], as: UTF8.self) else {
      throw Malformed(offset: range.lowerBound, reason: "a string that is not valid UTF-8")
    }
    return text
  }

  /// Appends what the escape after a backslash stands for.
  private mutating func escape(into text: inout String) throws(Malformed) {
    guard let byte = current else { throw failure("the document ends inside a string") }
    index += 1
    switch byte {
    case UInt8(ascii: "\""): text.append("\"")
    case UInt8(ascii: "\\"): text.append("\\")
    case UInt8(ascii: "/"): text.append("/")
    case UInt8(ascii: "b"): text.append("\u{08}")
    case UInt8(ascii: "f"): text.append("\u{0C}")
    case UInt8(ascii: "n"): text.append("\n")
    case UInt8(ascii: "r"): text.append("\r")
    case UInt8(ascii: "t"): text.append("\t")
    case UInt8(ascii: "u"):
      let escapeStart = index - 2
      let unit = try hexUnit()
      var scalar: Unicode.Scalar?
      switch unit {
      case 0xD800...0xDBFF:
        // A high surrogate: its low surrogate must follow as a second escape.
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
          throw Malformed(offset: escapeStart, reason: "a high surrogate without its low surrogate")
        }
        index += 2
        let low = try hexUnit()
        guard (0xDC00...0xDFFF).contains(low) else {
          throw Malformed(offset: escapeStart, reason: "a high surrogate without its low surrogate")
        }
        scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
      case 0xDC00...0xDFFF:
        throw Malformed(offset: escapeStart, reason: "a low surrogate without a high surrogate before it")
      default:
        scalar = Unicode.Scalar(unit)
      }
      guard let scalar else { throw Malformed(offset: escapeStart, reason: "an escape that is no character") }
      text.unicodeScalars.append(scalar)
    default:
      index -= 1
      throw failure("an unknown escape")
    }
  }

  /// Four hexadecimal digits.
  private mutating func hexUnit() throws(Malformed) -> UInt32 {
    var unit: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = current else { throw failure("the document ends inside a \\u escape") }
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw failure("four hexadecimal digits expected after \\u")
      }
      unit = unit << 4 | UInt32(digit)
      index += 1
    }
    return unit
  }

  /// A number as the RFC writes it: `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)? ([eE] [+-]? [0-9]+)?.
  private mutating func number() throws(Malformed) -> JSONValue {
    let start = index
    if current == UInt8(ascii: "-") { index += 1 }
    guard let first = current, isDigit(first) else { throw failure("a digit expected") }
    index += 1
    if first != UInt8(ascii: "0") { skipDigits() }
    var isWhole = true
    if current == UInt8(ascii: ".") {
      isWhole = false
      index += 1
      guard let digit = current, isDigit(digit) else { throw failure("a digit expected after '.'") }
      skipDigits()
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      isWhole = false
      index += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
      guard let digit = current, isDigit(digit) else { throw failure("a digit expected in the exponent") }
      skipDigits()
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if isWhole, let int = Int(text) { return .int(int) }
    guard let double = Double(text), double.isFinite else {
      throw Malformed(offset: start, reason: "a number too large to represent")
    }
    return .number(double)
  }

  private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

  private mutating func skipDigits() {
    while let byte = current, isDigit(byte) { index += 1 }
  }
}
