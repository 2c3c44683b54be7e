#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A small XML tokenizer for the parts of an xlsx workbook (SpreadsheetML): elements, attributes, text, the five
/// predefined entities and character references, CDATA, comments and processing instructions.
///
/// Written here rather than taken from an XML package for two reasons. A workbook is untrusted input: a document
/// type declaration (the road to entity expansion and external entities) is refused outright, which is exactly
/// what SpreadsheetML never needs. And speed and memory: a worksheet of a million padded rows is scanned once over
/// its bytes, with no tree built (the XML packages at hand build one, or go through Foundation's XMLParser).
struct XMLScanner {
  enum Event: Equatable {
    case start(name: String, attributes: XMLAttributes, selfClosing: Bool)
    case end(name: String)
    case text(String)
  }

  struct Failure: Error {
    var message: String
  }

  private let bytes: [UInt8]
  private var index = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// The next event, or nil at the end of the document.
  mutating func next() throws(Failure) -> Event? {
    while index < bytes.count {
      if bytes[index] != UInt8(ascii: "<") { return .text(try text()) }
      // Most markup is a start tag: only `?`, `!` and `/` after the `<` start anything else.
      if index + 1 < bytes.count {
        let after = bytes[index + 1]
        if after != UInt8(ascii: "?") && after != UInt8(ascii: "!") && after != UInt8(ascii: "/") {
          return try startTag()
        }
      }
      if starts(with: "<?") {
        try skip(past: "?>")
      } else if starts(with: "<!--") {
        try skip(past: "-->")
      } else if starts(with: "<![CDATA[") {
        let start = index + 9
        try skip(past: "]]>")
        try Self.checkLength(index - 3 - start)
        return .text(String(decoding: bytes[start..<(index - 3)], as: UTF8.self))
      } else if starts(with: "<!") {
        throw Failure(message: "declares a document type or entities, which a workbook never needs (refused)")
      } else if starts(with: "</") {
        index += 2
        let name = try self.name()
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { throw Failure(message: "unclosed end tag") }
        index += 1
        return .end(name: name)
      } else {
        return try startTag()
      }
    }
    return nil
  }

  private func starts(with prefix: StaticString) -> Bool {
    let count = prefix.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    return prefix.withUTF8Buffer { buffer in
      for offset in 0..<count where bytes[index + offset] != buffer[offset] { return false }
      return true
    }
  }

  private mutating func skip(past terminator: StaticString) throws(Failure) {
    while index < bytes.count {
      if starts(with: terminator) {
        index += terminator.utf8CodeUnitCount
        return
      }
      index += 1
    }
    throw Failure(message: "unterminated markup")
  }

  private mutating func skipSpace() {
    while index < bytes.count {
      let byte = bytes[index]
      guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
      index += 1
    }
  }

  private mutating func name() throws(Failure) -> String {
    let start = index
    try skipName()
    return Self.knownName(bytes, start..<index) ?? String(decoding: bytes[start..<index], as: UTF8.self)
  }

  /// Moves past a name (an element's or an attribute's), refusing an empty one.
  private mutating func skipName() throws(Failure) {
    let start = index
    index = bytes.withUnsafeBufferPointer { buffer in
      var index = start
      while index < buffer.count {
        let byte = buffer[index]
        // Space, tab, line feed, carriage return, `>`, `/`, `=` end a name; every other byte is in it.
        if byte <= UInt8(ascii: ">") && Self.endsName[Int(byte)] { break }
        index += 1
      }
      return index
    }
    guard index > start else { throw Failure(message: "a tag without a name") }
  }

  /// Which bytes up to `>` end a name.
  private static let endsName: [Bool] = (0...Int(UInt8(ascii: ">"))).map { byte in
    [0x20, 0x09, 0x0A, 0x0D, Int(UInt8(ascii: ">")), Int(UInt8(ascii: "/")), Int(UInt8(ascii: "="))].contains(byte)
  }

  /// The element names a workbook repeats for every cell, row and string, as constant strings (making a string of
  /// each name's bytes again was a tenth of a worksheet's scan); nil for any other name.
  @inline(__always)
  private static func knownName(_ bytes: [UInt8], _ range: Range<Int>) -> String? {
    let first = bytes[range.lowerBound]
    switch range.count {
    case 1:
      switch first {
      case UInt8(ascii: "c"): return "c"
      case UInt8(ascii: "v"): return "v"
      case UInt8(ascii: "t"): return "t"
      case UInt8(ascii: "r"): return "r"
      case UInt8(ascii: "f"): return "f"
      default: return nil
      }
    case 2:
      let second = bytes[range.lowerBound + 1]
      if first == UInt8(ascii: "s") && second == UInt8(ascii: "i") { return "si" }
      if first == UInt8(ascii: "i") && second == UInt8(ascii: "s") { return "is" }
      return nil
    case 3:
      let second = bytes[range.lowerBound + 1]
      let third = bytes[range.lowerBound + 2]
      if first == UInt8(ascii: "r") && second == UInt8(ascii: "o") && third == UInt8(ascii: "w") { return "row" }
      if first == UInt8(ascii: "r") && second == UInt8(ascii: "P") && third == UInt8(ascii: "r") { return "rPr" }
      return nil
    default: return nil
    }
  }

  private mutating func startTag() throws(Failure) -> Event {
    index += 1
    let name = try self.name()
    var attributes = XMLAttributes(bytes: bytes)
    while true {
      skipSpace()
      guard index < bytes.count else { throw Failure(message: "unclosed tag <\(name)") }
      if bytes[index] == UInt8(ascii: ">") {
        index += 1
        return .start(name: name, attributes: attributes, selfClosing: false)
      }
      if starts(with: "/>") {
        index += 2
        return .start(name: name, attributes: attributes, selfClosing: true)
      }
      let keyStart = index
      try skipName()
      let keyEnd = index
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
        throw Failure(message: "attribute \(Self.text(bytes[keyStart..<keyEnd])) of <\(name)> has no value")
      }
      index += 1
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
        throw Failure(message: "attribute \(Self.text(bytes[keyStart..<keyEnd])) of <\(name)> is not quoted")
      }
      let quote = bytes[index]
      index += 1
      let start = index
      while index < bytes.count, bytes[index] != quote { index += 1 }
      guard index < bytes.count else {
        throw Failure(message: "unterminated attribute \(Self.text(bytes[keyStart..<keyEnd])) of <\(name)>")
      }
      // A value with a reference is checked now, so that a bad one is an error wherever it is; values are decoded
      // only when asked for.
      if Self.find(UInt8(ascii: "&"), in: bytes[start..<index]) { _ = try Self.decode(bytes[start..<index]) }
      attributes.append(key: keyStart..<keyEnd, value: start..<index)
      index += 1
    }
  }

  static func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }

  private mutating func text() throws(Failure) -> String {
    let start = index
    index = bytes.withUnsafeBufferPointer { buffer in
      let rest = buffer.count - start
      guard rest > 0, let found = memchr(buffer.baseAddress! + start, Int32(UInt8(ascii: "<")), rest) else {
        return buffer.count
      }
      return buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
    try Self.checkLength(index - start)
    return try Self.decode(bytes[start..<index])
  }

  /// Whether `slice` holds `byte` (`memchr`: text runs are long, and most hold no reference).
  static func find(_ byte: UInt8, in slice: ArraySlice<UInt8>) -> Bool {
    slice.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
      return memchr(base, Int32(byte), buffer.count) != nil
    }
  }

  /// A text run longer than any cell may hold is refused before it is copied into a string: a hostile part of one
  /// huge cell would otherwise be held twice (its bytes and its text).
  static func checkLength(_ count: Int) throws(Failure) {
    guard count <= Workbook.cellByteLimit else {
      throw Failure(message: "a text of \(count) bytes, more than a cell may hold (\(Workbook.cellByteLimit); refused)")
    }
  }

  /// Text with its entity and character references replaced.
  /// Line ends are normalised as XML requires (CR LF and a lone CR become LF) before references are replaced, so
  /// that `&#13;` alone brings a CR into the text.
  static func decode(_ slice: ArraySlice<UInt8>) throws(Failure) -> String {
    let hasReference = find(UInt8(ascii: "&"), in: slice)
    let hasReturn = find(0x0D, in: slice)
    guard hasReference || hasReturn else { return String(decoding: slice, as: UTF8.self) }
    // Runs without a reference or a return are copied whole; the five entities are told apart on their bytes.
    let decoded = slice.withUnsafeBufferPointer { buffer -> Result<[UInt8], Failure> in
      let base = buffer.baseAddress!
      let count = buffer.count
      var out: [UInt8] = []
      out.reserveCapacity(count)
      var index = 0
      var run = 0
      while index < count {
        let byte = base[index]
        guard byte == 0x0D || byte == UInt8(ascii: "&") else {
          index += 1
          continue
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[run..<index]))
        if byte == 0x0D {
          out.append(0x0A)
          index += 1
          if index < count, base[index] == 0x0A { index += 1 }
          run = index
          continue
        }
        guard let semicolon = (index..<min(index + 12, count)).first(where: { base[$0] == UInt8(ascii: ";") }) else {
          return .failure(Failure(message: "a bare '&' in text"))
        }
        let name = UnsafeBufferPointer(rebasing: buffer[(index + 1)..<semicolon])
        if name.elementsEqual("lt".utf8) {
          out.append(UInt8(ascii: "<"))
        } else if name.elementsEqual("gt".utf8) {
          out.append(UInt8(ascii: ">"))
        } else if name.elementsEqual("amp".utf8) {
          out.append(UInt8(ascii: "&"))
        } else if name.elementsEqual("quot".utf8) {
          out.append(UInt8(ascii: "\""))
        } else if name.elementsEqual("apos".utf8) {
          out.append(UInt8(ascii: "'"))
        } else {
          switch characterReference(String(decoding: name, as: UTF8.self)) {
          case .success(let bytes): out += bytes
          case .failure(let failure): return .failure(failure)
          }
        }
        index = semicolon + 1
        run = index
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[run..<count]))
      return .success(out)
    }
    return String(decoding: try decoded.get(), as: UTF8.self)
  }

  /// The UTF-8 bytes of a character reference's character (`#x41`, `#65`), or the failure for any other entity.
  static func characterReference(_ entity: String) -> Result<[UInt8], Failure> {
    let value: UInt32?
    if entity.hasPrefix("#x") {
      value = UInt32(entity.dropFirst(2), radix: 16)
    } else if entity.hasPrefix("#") {
      value = UInt32(entity.dropFirst(1))
    } else {
      return .failure(Failure(message: "unknown entity &\(entity); (only XML's five are allowed)"))
    }
    guard let value, let scalar = Unicode.Scalar(value) else {
      return .failure(Failure(message: "invalid character reference &\(entity);"))
    }
    return .success(Array(String(Character(scalar)).utf8))
  }
}

/// An element's attributes in document order, as places in the part's bytes, decoded only when asked for: a worksheet
/// has hundreds of thousands of cells of two or three attributes each, and making strings of all of them (or hashing
/// them into a dictionary) cost more than the rest of the scan. The first four are held inline.
struct XMLAttributes: Equatable, Sequence {
  typealias Place = (key: Range<Int>, value: Range<Int>)
  private let bytes: [UInt8]
  private var a0: Place?
  private var a1: Place?
  private var a2: Place?
  private var a3: Place?
  private var more: [Place] = []

  init(bytes: [UInt8]) { self.bytes = bytes }

  mutating func append(key: Range<Int>, value: Range<Int>) {
    if a0 == nil {
      a0 = (key, value)
    } else if a1 == nil {
      a1 = (key, value)
    } else if a2 == nil {
      a2 = (key, value)
    } else if a3 == nil {
      a3 = (key, value)
    } else {
      more.append((key, value))
    }
  }

  private func matches(_ place: Place?, _ key: String) -> Bool {
    guard let place else { return false }
    var utf8 = key.utf8.makeIterator()
    for offset in place.key {
      guard let byte = utf8.next(), byte == bytes[offset] else { return false }
    }
    return utf8.next() == nil
  }

  private func value(_ place: Place) -> String {
    // References were checked when the tag was read.
    (try? XMLScanner.decode(bytes[place.value])) ?? ""
  }

  /// The place of the first attribute named `key`, compared on the bytes.
  private func place(of key: StaticString) -> Place? {
    let count = key.utf8CodeUnitCount
    func named(_ place: Place?) -> Bool {
      guard let place, place.key.count == count else { return false }
      var offset = 0
      while offset < count {
        guard bytes[place.key.lowerBound + offset] == key.utf8Start[offset] else { return false }
        offset += 1
      }
      return true
    }
    if named(a0) { return a0 }
    if named(a1) { return a1 }
    if named(a2) { return a2 }
    if named(a3) { return a3 }
    return more.first { named($0) }
  }

  /// What `read` makes of the value of the attribute `key` (its bytes, decoded only when it holds a reference or a
  /// return), or nil when the element has no such attribute: a worksheet's cells each have a reference, a style and
  /// a type, and making a string of each value cost more than reading the cell.
  func withValue<Result>(of key: StaticString, _ read: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
    guard let place = place(of: key) else { return nil }
    let range = place.value
    let plain = bytes.withUnsafeBufferPointer { buffer in
      !buffer[range].contains { $0 == UInt8(ascii: "&") || $0 == 0x0D }
    }
    if plain { return bytes.withUnsafeBufferPointer { read(UnsafeBufferPointer(rebasing: $0[range])) } }
    var decoded = value(place)
    return decoded.withUTF8 { read($0) }
  }

  /// The value of the attribute `key`, if the element has it.
  subscript(key: String) -> String? {
    if matches(a0, key) { return value(a0!) }
    if matches(a1, key) { return value(a1!) }
    if matches(a2, key) { return value(a2!) }
    if matches(a3, key) { return value(a3!) }
    for place in more where matches(place, key) { return value(place) }
    return nil
  }

  /// Every attribute as text, in document order.
  var pairs: [(key: String, value: String)] {
    ([a0, a1, a2, a3].compactMap { $0 } + more).map { (XMLScanner.text(bytes[$0.key]), value($0)) }
  }

  func makeIterator() -> IndexingIterator<[(key: String, value: String)]> { pairs.makeIterator() }

  static func == (lhs: XMLAttributes, rhs: XMLAttributes) -> Bool {
    let (left, right) = (lhs.pairs, rhs.pairs)
    return left.count == right.count && zip(left, right).allSatisfy { $0 == $1 }
  }
}
