import DisarmDiagnostics
import Foundation

/// A JSON document read with the byte range of every value, so that a migration changes only the strings it must
/// and leaves every other byte of the user's file (key order, spacing, numbers as written) exactly as it was.
///
/// ``JSONParser`` gives values without places and writes keys sorted; a layer, bundle or event rewritten through it
/// would come back reordered and reformatted, which is a diff of every line for a user who keeps the file in git.
/// Strings are kept as ranges of the file's bytes and decoded when asked for: a 10,000-incident bundle holds
/// hundreds of thousands of them, and the migration reads a few thousand (decoding them all was most of its cost).
public struct JSONSpan: Sendable {
  /// One member of an object: its key, the range from the key's opening quote to the value's end, and the value.
  public struct Member: Sendable {
    /// The key's text between its quotes, and whether it holds escapes.
    let keyText: Range<Int>
    let keyEscaped: Bool
    public var range: Range<Int>
    public var value: JSONSpan

    public var key: String { value.source.text(keyText, escaped: keyEscaped) }

    /// Whether the key is `name`, compared on the bytes.
    func hasKey(_ name: String) -> Bool {
      keyEscaped ? key == name : value.source.equals(keyText, name)
    }
  }

  /// What the value is. Not `indirect`: the arrays already hold their elements out of line, and a box per value was
  /// one allocation per value of the document.
  public enum Value: Sendable {
    case object([Member])
    case array([JSONSpan])
    /// The text between the quotes, and whether it holds escapes.
    case string(Range<Int>, escaped: Bool)
    /// A number, `true`, `false` or `null`, as written.
    case scalar
    /// A value read with ``read(_:limits:keeping:)`` under a member whose key was not kept, or an object of another
    /// type in a bundle's `objects`: checked, not built.
    case skipped
  }

  /// The document's bytes, shared by every value read from it. Unowned: a reference count per value was a tenth of
  /// the reading, and the ``JSONDocument`` that holds the values holds the bytes.
  unowned(unsafe) let source: JSONSource
  public var range: Range<Int>
  public var value: Value

  /// The member named `key`, when this is an object that has one.
  public subscript(key: String) -> JSONSpan? {
    guard case .object(let members) = value else { return nil }
    return members.first { $0.hasKey(key) }?.value
  }

  public var string: String? {
    if case .string(let text, let escaped) = value { return source.text(text, escaped: escaped) }
    return nil
  }

  /// Whether this is the string `text` (compared on the bytes when it holds no escapes).
  public func isString(_ text: String) -> Bool {
    guard case .string(let range, let escaped) = value else { return false }
    return escaped ? string == text : source.equals(range, text)
  }

  public var elements: [JSONSpan] {
    if case .array(let elements) = value { return elements }
    return []
  }

  public var members: [Member] {
    if case .object(let members) = value { return members }
    return []
  }

  /// Reads `bytes` as one JSON document under `limits` (nesting, values, bytes per string): a malformed document
  /// or one over a bound is an error at its byte offset, found while reading (a hostile file is never held twice).
  ///
  /// With `keeping`, the value of a member whose key is not in it is checked (grammar and bounds) but not built: a
  /// STIX bundle's migration reads identifiers, names and kill-chain phases, and a 10,000-incident bundle is mostly
  /// descriptions and relationships.
  public static func read(
    _ bytes: [UInt8], limits: JSONParser.Limits, keeping: Set<String>? = nil,
    skippingObjectsOfOtherTypes: Set<String>? = nil
  ) throws(JSONParser.Malformed) -> JSONDocument {
    let source = JSONSource(bytes)
    let kept = keeping.map(KeptKeys.init)
    // Read through a buffer pointer: every byte of a 20 MB bundle passes through the reader's loops, which an
    // array's bounds checks and uniqueness tests would double.
    return try source.bytes.withUnsafeBufferPointer { buffer throws(JSONParser.Malformed) in
      var reader = Reader(source: source, bytes: buffer, limits: limits)
      reader.kept = kept
      reader.objectTypes = skippingObjectsOfOtherTypes.map(KeptKeys.init)
      reader.skipSpace()
      let document = try reader.value(depth: 0)
      reader.skipSpace()
      guard reader.offset == buffer.count else { throw reader.failure("content after the value") }
      return JSONDocument(source: source, root: document)
    }
  }

  /// The reader proper: one pass over the bytes, each string decoded once (without escapes, straight from its
  /// bytes: the common case, and most of a 20 MB bundle's cost).
  private struct Reader {
    let source: JSONSource
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: JSONParser.Limits
    var offset = 0
    var values = 0
    /// The keys whose values are built (nil: all).
    var kept: KeptKeys?
    /// With it, an element of the top-level `objects` array (a STIX bundle's) whose `type` is not one of these is
    /// read up to that member and checked after it, and is not built (``Value/skipped``).
    var objectTypes: KeptKeys?

    init(source: JSONSource, bytes: UnsafeBufferPointer<UInt8>, limits: JSONParser.Limits) {
      self.source = source
      self.bytes = bytes
      self.limits = limits
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    }

    func failure(_ reason: String) -> JSONParser.Malformed { JSONParser.Malformed(offset: offset, reason: reason) }

    var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    @inline(__always)
    mutating func skipSpace() {
      while offset < bytes.count {
        let byte = bytes[offset]
        guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
        offset += 1
      }
    }

    @inline(__always)
    mutating func expect(_ byte: UInt8, _ what: StaticString) throws(JSONParser.Malformed) {
      guard offset < bytes.count, bytes[offset] == byte else { throw unexpected(what) }
      offset += 1
    }

    /// The failure of ``expect(_:_:)`` (kept out of its callers' loops).
    @inline(never)
    func unexpected(_ what: StaticString) -> JSONParser.Malformed {
      failure(current == nil ? "the document ends where \(what) is expected" : "\(what) expected")
    }

    /// The first byte of the value at `offset`, counted against the document's bound on values: every value read or
    /// skipped goes through here.
    @inline(__always)
    mutating func countValue() throws(JSONParser.Malformed) -> UInt8 {
      guard let byte = current else { throw failure("the document ends where a value is expected") }
      values += 1
      guard values <= limits.maximumValues else {
        throw failure("more than \(limits.maximumValues) values in the document")
      }
      return byte
    }

    /// Refuses an array or object opened at `depth` beyond the bound on nesting.
    func checkDepth(_ depth: Int) throws(JSONParser.Malformed) {
      guard depth < limits.maximumDepth else {
        throw failure("arrays and objects nested deeper than \(limits.maximumDepth)")
      }
    }

    /// A member's name and the `:` after it, with the spaces around: what precedes every member's value.
    @inline(__always)
    mutating func memberName() throws(JSONParser.Malformed) -> (text: Range<Int>, escaped: Bool) {
      guard current == UInt8(ascii: "\"") else { throw failure("a member name expected") }
      let name = try string()
      skipSpace()
      try expect(UInt8(ascii: ":"), "':'")
      skipSpace()
      return name
    }

    mutating func value(depth: Int, inObjects: Bool = false) throws(JSONParser.Malformed) -> JSONSpan {
      let byte = try countValue()
      let start = offset
      switch byte {
      case UInt8(ascii: "{"):
        try checkDepth(depth)
        offset += 1
        var members: [Member] = []
        skipSpace()
        if current == UInt8(ascii: "}") {
          offset += 1
          return JSONSpan(source: source, range: start..<offset, value: .object(members))
        }
        while true {
          let keyStart = offset
          let key = try memberName()
          let name = UnsafeBufferPointer(rebasing: bytes[key.text])
          let build = kept.map { key.escaped || $0.contains(name) } ?? true
          let isObjects = depth == 0 && objectTypes != nil && Self.equal(name, "objects")
          let value = build ? try value(depth: depth + 1, inObjects: isObjects) : try skip(depth: depth + 1)
          members.append(
            Member(keyText: key.text, keyEscaped: key.escaped, range: keyStart..<value.range.upperBound, value: value))
          skipSpace()
          if inObjects, let types = objectTypes, Self.equal(name, "type"),
            case .string(let text, false) = value.value, !types.contains(UnsafeBufferPointer(rebasing: bytes[text]))
          {
            // Another type of STIX object: the rest is checked, and the object is not built (its members so far
            // dropped: 50,000 relationships of a bundle were 50,000 arrays of one member).
            while current == UInt8(ascii: ",") {
              offset += 1
              skipSpace()
              _ = try memberName()
              _ = try skip(depth: depth + 1)
              skipSpace()
            }
            try expect(UInt8(ascii: "}"), "',' or '}'")
            return JSONSpan(source: source, range: start..<offset, value: .skipped)
          }
          if current == UInt8(ascii: ",") {
            offset += 1
            skipSpace()
            continue
          }
          try expect(UInt8(ascii: "}"), "',' or '}'")
          return JSONSpan(source: source, range: start..<offset, value: .object(members))
        }
      case UInt8(ascii: "["):
        try checkDepth(depth)
        offset += 1
        var elements: [JSONSpan] = []
        skipSpace()
        if current == UInt8(ascii: "]") {
          offset += 1
          return JSONSpan(source: source, range: start..<offset, value: .array(elements))
        }
        while true {
          elements.append(try value(depth: depth + 1, inObjects: inObjects))
          skipSpace()
          if current == UInt8(ascii: ",") {
            offset += 1
            skipSpace()
            continue
          }
          try expect(UInt8(ascii: "]"), "',' or ']'")
          return JSONSpan(source: source, range: start..<offset, value: .array(elements))
        }
      case UInt8(ascii: "\""):
        let text = try string()
        return JSONSpan(source: source, range: start..<offset, value: .string(text.text, escaped: text.escaped))
      case UInt8(ascii: "t"): return try literal("true", start)
      case UInt8(ascii: "f"): return try literal("false", start)
      case UInt8(ascii: "n"): return try literal("null", start)
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        try number()
        return JSONSpan(source: source, range: start..<offset, value: .scalar)
      default:
        throw failure("a value expected")
      }
    }

    /// Whether `name` is `key`.
    static func equal(_ name: UnsafeBufferPointer<UInt8>, _ key: StaticString) -> Bool {
      name.count == key.utf8CodeUnitCount && memcmp(name.baseAddress!, key.utf8Start, name.count) == 0
    }

    /// A value checked as ``value(depth:)`` checks it, without building it.
    mutating func skip(depth: Int) throws(JSONParser.Malformed) -> JSONSpan {
      let byte = try countValue()
      let start = offset
      switch byte {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        try checkDepth(depth)
        let isObject = byte == UInt8(ascii: "{")
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        offset += 1
        skipSpace()
        if current == close {
          offset += 1
          return JSONSpan(source: source, range: start..<offset, value: .skipped)
        }
        while true {
          if isObject { _ = try memberName() }
          _ = try skip(depth: depth + 1)
          skipSpace()
          if current == UInt8(ascii: ",") {
            offset += 1
            skipSpace()
            continue
          }
          try expect(close, isObject ? "',' or '}'" : "',' or ']'")
          return JSONSpan(source: source, range: start..<offset, value: .skipped)
        }
      case UInt8(ascii: "\""):
        _ = try string()
      case UInt8(ascii: "t"): _ = try literal("true", start)
      case UInt8(ascii: "f"): _ = try literal("false", start)
      case UInt8(ascii: "n"): _ = try literal("null", start)
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
      default: throw failure("a value expected")
      }
      return JSONSpan(source: source, range: start..<offset, value: .skipped)
    }

    mutating func literal(_ word: String, _ start: Int) throws(JSONParser.Malformed) -> JSONSpan {
      let expected = Array(word.utf8)
      guard bytes[offset...].starts(with: expected) else { throw failure("a value expected") }
      offset += expected.count
      return JSONSpan(source: source, range: start..<offset, value: .scalar)
    }

    /// A number as JSON writes it: `-`? digits (no leading zero), `.digits`?, `e[+-]digits`?.
    mutating func number() throws(JSONParser.Malformed) {
      func digits() -> Int {
        let start = offset
        while let byte = current, byte >= 48, byte <= 57 { offset += 1 }
        return offset - start
      }
      if current == UInt8(ascii: "-") { offset += 1 }
      let first = offset
      guard digits() > 0 else { throw failure("a digit expected") }
      if bytes[first] == UInt8(ascii: "0"), offset - first > 1 { throw failure("a number with a leading zero") }
      if current == UInt8(ascii: ".") {
        offset += 1
        guard digits() > 0 else { throw failure("a digit expected after '.'") }
      }
      if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
        offset += 1
        if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
        guard digits() > 0 else { throw failure("a digit expected in the exponent") }
      }
    }

    /// A string at `offset` (its opening quote): the range of its text and whether it holds escapes, each escape
    /// checked; `offset` ends after the closing quote.
    mutating func string() throws(JSONParser.Malformed) -> (text: Range<Int>, escaped: Bool) {
      offset += 1
      let start = offset
      var escaped = false
      while true {
        // Most bytes are plain text: skip them eight at a time first.
        offset = JSONSpan.plainText(in: bytes, from: offset)
        guard offset < bytes.count else { throw failure("a string without its closing quote") }
        let byte = bytes[offset]
        if byte == UInt8(ascii: "\"") { break }
        if byte < 0x20 { throw failure("a control character in a string") }
        if byte == UInt8(ascii: "\\") {
          escaped = true
          offset += 1
          guard offset < bytes.count else { throw failure("a string without its closing quote") }
          switch bytes[offset] {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            break
          case UInt8(ascii: "u"):
            guard offset + 4 < bytes.count,
              bytes[(offset + 1)...(offset + 4)].allSatisfy({
                ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 102)
              })
            else {
              throw failure("a \\u escape without four hexadecimal digits")
            }
            offset += 4
          default:
            throw failure("an unknown escape '\\\(Unicode.Scalar(bytes[offset]))'")
          }
        }
        offset += 1
      }
      let end = offset
      guard end - start <= limits.maximumStringBytes else {
        throw failure("a string longer than \(limits.maximumStringBytes) bytes")
      }
      offset += 1
      return (start..<end, escaped)
    }
  }
}

extension JSONSpan {
  /// The offset of the first byte at or after `start` that ends a run of plain string text: a quote, a backslash
  /// or a control character (or the end). Sixteen bytes are compared at once as a vector, then eight with the usual
  /// word tricks (a byte below 0x20, a byte equal to 0x22 or 0x5C), the rest one by one.
  static func plainText(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var offset = start
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    if let base = bytes.baseAddress {
      let space = SIMD16<UInt8>(repeating: 0x20)
      let quote = SIMD16<UInt8>(repeating: 0x22)
      let backslash = SIMD16<UInt8>(repeating: 0x5C)
      while offset + 16 <= bytes.count {
        let vector = UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD16<UInt8>.self)
        let special = (vector .< space) .| (vector .== quote) .| (vector .== backslash)
        if any(special) {
          let lanes = unsafeBitCast(special, to: SIMD2<UInt64>.self)
          if lanes[0] != 0 { return offset + UInt64(littleEndian: lanes[0]).trailingZeroBitCount / 8 }
          return offset + 8 + UInt64(littleEndian: lanes[1]).trailingZeroBitCount / 8
        }
        offset += 16
      }
      while offset + 8 <= bytes.count {
        let word = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let special =
          ((word &- ones &* 0x20) | (quote &- ones) | (backslash &- ones)) & ~(word & highs) & highs
        // A byte of 0x80 or more is never special; those three tests only flag bytes below 0x80. A borrow can flag
        // a byte above a special one, never below: the lowest flag is the first special byte.
        if special != 0 { return offset + special.trailingZeroBitCount / 8 }
        offset += 8
      }
    }
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
      offset += 1
    }
    return offset
  }
}

/// The keys whose values ``JSONSpan/read(_:limits:keeping:)`` builds, looked up by length and first byte and then
/// compared byte by byte: every member of a large bundle is looked up, and hashing each key was a third of the read.
struct KeptKeys {
  /// Keys by length (the last slot holds every longer one).
  private var byLength: [[[UInt8]]] = Array(repeating: [], count: 65)

  init(_ keys: Set<String>) {
    for key in keys { byLength[min(key.utf8.count, 64)].append(Array(key.utf8)) }
  }

  func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
    byLength[min(key.count, 64)].contains { candidate in
      candidate.count == key.count
        && candidate.withUnsafeBufferPointer { memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 }
    }
  }
}

/// A document read by ``JSONSpan/read(_:limits:keeping:skippingObjectsOfOtherTypes:)``: its bytes and its values,
/// which refer to the bytes without holding them.
public struct JSONDocument: Sendable {
  let source: JSONSource
  public let root: JSONSpan
}

/// The bytes of a document read by ``JSONSpan``, and the text of its strings.
final class JSONSource: Sendable {
  let bytes: [UInt8]

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// Whether the bytes in `range` are `text`'s UTF-8, compared with `memcmp` (the generic comparison of a slice with a
  /// string's view cost a hundred instructions a call, and a large bundle makes hundreds of thousands).
  func equals(_ range: Range<Int>, _ text: String) -> Bool {
    var text = text
    return text.withUTF8 { utf8 in
      utf8.count == range.count
        && (utf8.isEmpty
          || bytes.withUnsafeBufferPointer {
            memcmp($0.baseAddress! + range.lowerBound, utf8.baseAddress!, utf8.count) == 0
          })
    }
  }

  /// The text of a string's bytes (between its quotes). One with escapes (rare: the migrations read identifiers,
  /// names and tactics) is decoded by ``JSONParser``, the project's one JSON string decoder; the reader checked its
  /// escapes, so only a lone surrogate or bytes that are not UTF-8 make it fall back to the bytes as they are.
  func text(_ range: Range<Int>, escaped: Bool) -> String {
    guard escaped else { return String(decoding: bytes[range], as: UTF8.self) }
    let literal = Array(bytes[(range.lowerBound - 1)...range.upperBound])
    return (try? JSONParser.parse(literal))?.stringValue ?? String(decoding: bytes[range], as: UTF8.self)
  }
}

/// A JSON string literal for `text`, escaped as JSONWriter escapes strings.
func jsonLiteral(_ text: String) -> [UInt8] {
  var bytes: [UInt8] = []
  JSONWriter.writeString(text, into: &bytes)
  return bytes
}
