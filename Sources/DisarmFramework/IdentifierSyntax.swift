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

  /// The entries that may match, longer prefixes first (so that `TA07` is not read as a technique `T` followed by
  /// letters): for a syntax of several kinds, grouped by the byte an identifier starts with (``slots``).
  let entries: [Entry]
  /// The entries' prefixes, one after the other.
  let prefixBytes: [UInt8]
  /// For each byte value, the range of ``entries`` whose prefix starts with it or is empty, and at 256 those for
  /// the end of the bytes (empty prefixes): the scanner tries every capital letter, and most start no prefix or
  /// only one. Empty for a syntax of one shape, whose entries are all tried.
  let slots: [Range<Int>]

  /// The syntax of every kind of `kinds`.
  public init(_ kinds: [KindVocabulary]) {
    self.init(
      kinds.map { (prefix: Array($0.id.prefix.utf8), kind: $0.role, shape: $0.id) }
        .sorted { $0.prefix.count > $1.prefix.count }, bySlot: true)
  }

  /// The syntax of one shape alone (its role does not matter to ``IdentifierShape/matches(_:)``).
  init(shape: IdentifierShape) {
    self.init([(prefix: Array(shape.prefix.utf8), kind: .technique, shape: shape)], bySlot: false)
  }

  /// The syntax of `shapes`, tried in the order given; `bySlot` groups them by the byte they start with.
  private init(_ shapes: [(prefix: [UInt8], kind: ObjectKind, shape: IdentifierShape)], bySlot: Bool) {
    var all: [Entry] = []
    var prefixBytes: [UInt8] = []
    for (prefix, kind, shape) in shapes {
      all.append(
        Entry(
          prefixStart: prefixBytes.count, prefixCount: prefix.count, kind: kind,
          digits: shape.digits...(shape.digits + shape.extraDigits), subDigits: shape.subDigits))
      prefixBytes += prefix
    }
    self.prefixBytes = prefixBytes
    guard bySlot else {
      entries = all
      slots = []
      return
    }
    var entries: [Entry] = []
    var slots: [Range<Int>] = []
    for slot in 0...256 {
      let lower = entries.count
      for (index, shape) in shapes.enumerated()
      where shape.prefix.isEmpty || (slot < 256 && shape.prefix[0] == UInt8(slot)) {
        entries.append(all[index])
      }
      slots.append(lower..<entries.count)
    }
    self.entries = entries
    self.slots = slots
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
    let candidates =
      slots.isEmpty ? entries.indices : slots[start < buffer.count ? Int(buffer[start]) : slots.count - 1]
    guard !candidates.isEmpty else { return nil }
    func isDigit(_ i: Int) -> Bool { i < buffer.count && buffer[i] >= 48 && buffer[i] <= 57 }
    return entries.withUnsafeBufferPointer { entries in
      prefixBytes.withUnsafeBufferPointer { prefixBytes -> (kind: ObjectKind, end: Int)? in
        var matchedPrefixLength: Int?
        for entry in entries[candidates] {
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
