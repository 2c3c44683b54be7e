/// Recognises a framework's identifiers (`T0151.008`, `TA07`, `A0001.003`, …) in bytes, from the identifier shapes
/// of its kinds: the parser finds inline references with it, the model parses file names and fields with it.
public struct IdentifierSyntax: Sendable {
  /// One kind's shape, its prefix a range of ``prefixBytes``: plain values, read without reference counting at every
  /// capital letter the scanner tries.
  struct Entry: Sendable {
    let prefixStart: Int
    let prefixCount: Int
    let kind: ObjectKind
    let digits: ClosedRange<Int>
    let subDigits: Int?
  }

  /// Longer prefixes first, so that `TA07` is not read as a technique `T` followed by letters.
  let entries: [Entry]
  /// The entries' prefixes, one after the other.
  let prefixBytes: [UInt8]
  /// The bytes an identifier can start with: most capital letters the scanner tries start no prefix.
  let startBytes: StartBytes

  /// The syntax of every kind of `kinds`.
  public init(_ kinds: [KindVocabulary]) {
    self.init(
      kinds.map { (prefix: Array($0.id.prefix.utf8), kind: $0.role, shape: $0.id) }
        .sorted { $0.prefix.count > $1.prefix.count })
  }

  /// The syntax of one shape alone (its role does not matter to ``IdentifierShape/matches(_:)``).
  init(shape: IdentifierShape) {
    self.init([(prefix: Array(shape.prefix.utf8), kind: .technique, shape: shape)])
  }

  /// The syntax of `shapes`, tried in the order given.
  private init(_ shapes: [(prefix: [UInt8], kind: ObjectKind, shape: IdentifierShape)]) {
    var entries: [Entry] = []
    var prefixBytes: [UInt8] = []
    for (prefix, kind, shape) in shapes {
      entries.append(
        Entry(
          prefixStart: prefixBytes.count, prefixCount: prefix.count, kind: kind,
          digits: shape.digits...(shape.digits + shape.extraDigits), subDigits: shape.subDigits))
      prefixBytes += prefix
    }
    self.entries = entries
    self.prefixBytes = prefixBytes
    startBytes = StartBytes(shapes.map(\.prefix))
  }

  /// Matches an identifier starting exactly at `start`: a kind's prefix, a digit count its shape allows and, for
  /// kinds with sub-identifiers, a `.NNN` suffix of the shape's length. It does not check what precedes.
  ///
  /// Inlinable so that callers in other modules get it specialised for their collection (an `ArraySlice` of a
  /// page's bytes, an `Array`), reading the bytes through the buffer form below.
  @inlinable
  public func match(_ bytes: some RandomAccessCollection<UInt8>, at start: Int) -> (kind: ObjectKind, end: Int)? {
    if let result = bytes.withContiguousStorageIfAvailable({ match($0, at: start) }) { return result }
    return Array(bytes).withUnsafeBufferPointer { match($0, at: start) }
  }

  /// ``match(_:at:)`` on bytes in memory: the scanner calls it at every capital letter of every page, with the
  /// page's bytes from that letter to the end of the text it scans.
  public func match(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int) -> (kind: ObjectKind, end: Int)? {
    guard start < buffer.count ? startBytes.contains(buffer[start]) : startBytes.containsEmptyPrefix else {
      return nil
    }
    func isDigit(_ i: Int) -> Bool { i < buffer.count && buffer[i] >= 48 && buffer[i] <= 57 }
    return entries.withUnsafeBufferPointer { entries in
      prefixBytes.withUnsafeBufferPointer { prefixBytes -> (kind: ObjectKind, end: Int)? in
        var matchedPrefixLength: Int?
        for entry in entries {
          if let length = matchedPrefixLength, entry.prefixCount < length { break }
          guard start + entry.prefixCount <= buffer.count else { continue }
          var offset = 0
          while offset < entry.prefixCount, buffer[start + offset] == prefixBytes[entry.prefixStart + offset] {
            offset += 1
          }
          guard offset == entry.prefixCount else { continue }
          matchedPrefixLength = entry.prefixCount
          var i = start + entry.prefixCount
          let digitsStart = i
          while isDigit(i) { i += 1 }
          guard entry.digits.contains(i - digitsStart) else { continue }
          if let subDigits = entry.subDigits, i < buffer.count, buffer[i] == UInt8(ascii: "."), isDigit(i + 1) {
            var j = i + 1
            while isDigit(j) { j += 1 }
            if j - i - 1 == subDigits { i = j }
          }
          if i < buffer.count, Self.isIdentifierByte(buffer[i]) { return nil }
          return (entry.kind, i)
        }
        return nil
      }
    }
  }

  /// The kind of a complete identifier string, or nil when the string is not exactly one identifier.
  public func kind(of string: String) -> ObjectKind? {
    var string = string
    return string.withUTF8 { bytes in
      guard let (kind, end) = match(bytes, at: 0), end == bytes.count else { return nil }
      return kind
    }
  }

  /// Letters, digits and `_`: a byte that may not touch an identifier on either side.
  public static func isIdentifierByte(_ byte: UInt8) -> Bool {
    (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
  }
}

extension IdentifierSyntax {
  /// The set of bytes that start some kind's prefix, as a 256-bit mask: one test instead of a pass over the kinds
  /// for the capital letters that start no identifier (`The`, `Select`, `Chat`).
  struct StartBytes: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// Whether some prefix is empty: then every byte may start an identifier (and so may the end of the bytes).
    let containsEmptyPrefix: Bool

    init(_ prefixes: [[UInt8]]) {
      containsEmptyPrefix = prefixes.contains { $0.isEmpty }
      for prefix in prefixes {
        guard let first = prefix.first else { continue }
        let bit = UInt64(1) << UInt64(first & 63)
        switch first >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
      }
    }

    /// Whether an identifier may start with `byte`.
    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
      if containsEmptyPrefix { return true }
      let bit = UInt64(1) << UInt64(byte & 63)
      switch byte >> 6 {
      case 0: return words.0 & bit != 0
      case 1: return words.1 & bit != 0
      case 2: return words.2 & bit != 0
      default: return words.3 & bit != 0
      }
    }
  }
}
