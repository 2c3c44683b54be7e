/// Recognises a framework's identifiers (`T0151.008`, `TA07`, `A0001.003`, …) in bytes, from the identifier shapes
/// of its kinds: the parser finds inline references with it, the model parses file names and fields with it.
public struct IdentifierSyntax: Sendable {
  /// One kind's shape, its prefix as bytes.
  struct Entry: Sendable {
    let prefix: [UInt8]
    let kind: ObjectKind
    let digits: ClosedRange<Int>
    let subDigits: Int?
  }

  /// Longer prefixes first, so that `TA07` is not read as a technique `T` followed by letters.
  let entries: [Entry]

  /// The syntax of every kind of `kinds`.
  public init(_ kinds: [KindVocabulary]) {
    entries = kinds.map { kind in
      Entry(
        prefix: Array(kind.id.prefix.utf8), kind: kind.role,
        digits: kind.id.digits...(kind.id.digits + kind.id.extraDigits), subDigits: kind.id.subDigits)
    }
    .sorted { $0.prefix.count > $1.prefix.count }
  }

  /// The syntax of one shape alone (its role does not matter to ``IdentifierShape/matches(_:)``).
  init(shape: IdentifierShape) {
    entries = [
      Entry(
        prefix: Array(shape.prefix.utf8), kind: .technique, digits: shape.digits...(shape.digits + shape.extraDigits),
        subDigits: shape.subDigits)
    ]
  }

  /// Matches an identifier starting exactly at `start`: a kind's prefix, a digit count its shape allows and, for
  /// kinds with sub-identifiers, a `.NNN` suffix of the shape's length. It does not check what precedes.
  public func match(_ bytes: some RandomAccessCollection<UInt8>, at start: Int) -> (kind: ObjectKind, end: Int)? {
    // The scanner calls this at every capital letter of every page: read the bytes through a buffer pointer.
    if let result = bytes.withContiguousStorageIfAvailable({ match(buffer: $0, at: start) }) { return result }
    return Array(bytes).withUnsafeBufferPointer { match(buffer: $0, at: start) }
  }

  private func match(buffer: UnsafeBufferPointer<UInt8>, at start: Int) -> (kind: ObjectKind, end: Int)? {
    func isDigit(_ i: Int) -> Bool { i < buffer.count && buffer[i] >= 48 && buffer[i] <= 57 }
    var matchedPrefixLength: Int?
    for entry in entries {
      if let length = matchedPrefixLength, entry.prefix.count < length { break }
      guard start + entry.prefix.count <= buffer.count else { continue }
      var prefixMatches = true
      for (offset, byte) in entry.prefix.enumerated() where buffer[start + offset] != byte {
        prefixMatches = false
        break
      }
      guard prefixMatches else { continue }
      matchedPrefixLength = entry.prefix.count
      var i = start + entry.prefix.count
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

  /// The kind of a complete identifier string, or nil when the string is not exactly one identifier.
  public func kind(of string: String) -> ObjectKind? {
    let bytes = Array(string.utf8)
    guard let (kind, end) = match(bytes, at: 0), end == bytes.count else { return nil }
    return kind
  }

  /// Letters, digits and `_`: a byte that may not touch an identifier on either side.
  public static func isIdentifierByte(_ byte: UInt8) -> Bool {
    (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
  }
}
