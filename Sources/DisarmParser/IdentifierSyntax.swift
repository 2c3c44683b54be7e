/// Recognises DISARM identifiers (`T0151.008`, `TA07`, `I00122`, …) in bytes.
public enum IdentifierSyntax {
  /// Prefixes in matching order: longer prefixes first, so that `TA07` is not read as a technique.
  static let prefixes: [(bytes: [UInt8], kind: ObjectKind)] = [
    (Array("TA".utf8), .tactic), (Array("TK".utf8), .task), (Array("T".utf8), .technique),
    (Array("P".utf8), .phase), (Array("I".utf8), .incident), (Array("C".utf8), .counter),
    (Array("A".utf8), .actorType), (Array("M".utf8), .metatechnique), (Array("D".utf8), .responseType),
    (Array("F".utf8), .detection),
  ]

  /// Matches an identifier starting exactly at `start`, needing at least the usual digit count and allowing two more
  /// (future releases may grow), and a `.NNN` sub-technique suffix for techniques. It does not check what precedes.
  public static func match(_ bytes: some RandomAccessCollection<UInt8>, at start: Int) -> (kind: ObjectKind, end: Int)?
  {
    let base = bytes.startIndex
    func byte(_ i: Int) -> UInt8? { i < bytes.count ? bytes[bytes.index(base, offsetBy: i)] : nil }
    func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= 48 && $0 <= 57 } ?? false }
    for (prefix, kind) in prefixes {
      guard prefix.indices.allSatisfy({ byte(start + $0) == prefix[$0] }) else { continue }
      var i = start + prefix.count
      let digitsStart = i
      while isDigit(byte(i)) { i += 1 }
      let count = i - digitsStart
      let wanted = kind.idSyntax.digits
      guard count >= wanted, count <= wanted + 2 else { return nil }
      if kind == .technique, byte(i) == UInt8(ascii: "."), isDigit(byte(i + 1)) {
        var j = i + 1
        while isDigit(byte(j)) { j += 1 }
        if j - i - 1 == 3 { i = j }
      }
      if let next = byte(i), isIdentifierByte(next) { return nil }
      return (kind, i)
    }
    return nil
  }

  /// The kind of a complete identifier string, or nil when the string is not exactly one identifier.
  public static func kind(of string: String) -> ObjectKind? {
    let bytes = Array(string.utf8)
    guard let (kind, end) = match(bytes, at: 0), end == bytes.count else { return nil }
    return kind
  }

  /// Letters, digits and `_`: a byte that may not touch an identifier on either side.
  static func isIdentifierByte(_ byte: UInt8) -> Bool {
    (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
  }
}
