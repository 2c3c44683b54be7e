/// How one kind writes its identifiers: `T0151` and `T0151.008` (prefix `T`, four digits, three-digit sub-IDs),
/// `TA07`, `I00122`, the 2026 framework's `A0001.003`.
///
/// Read from a framework description (`id: {prefix: T, digits: 4, sub-digits: 3}`); the parser builds its
/// ``IdentifierSyntax`` from the shapes of every kind of the framework.
public struct IdentifierShape: Sendable, Hashable {
  /// The letters before the number (`T`, `TA`, `TK`).
  public var prefix: String
  /// The usual number of digits (`4` for `T0151`); up to ``extraDigits`` more are accepted, for releases that grow.
  public var digits: Int
  /// How many digits beyond ``digits`` an identifier may have and still be of this kind.
  public var extraDigits: Int
  /// The digits of a sub-identifier after a full stop (`3` for `T0151.008`), or nil when the kind has none.
  public var subDigits: Int?
  /// The first sub-identifier a framework issues: DISARM 1.x starts at `.001`, DISARM 2.0 at `.000`.
  public var firstSub: Int

  /// A shape as a description gives it; `extraDigits` defaults to two, `firstSub` to 1.
  public init(prefix: String, digits: Int, extraDigits: Int = 2, subDigits: Int? = nil, firstSub: Int = 1) {
    self.prefix = prefix
    self.digits = digits
    self.extraDigits = extraDigits
    self.subDigits = subDigits
    self.firstSub = firstSub
  }

  /// An example identifier of this shape (`T0001`, `T0001.001`), for messages and `disarm frameworks`.
  public var example: String {
    let number = String(repeating: "0", count: max(0, digits - 1)) + "1"
    guard let subDigits else { return prefix + number }
    let sub = String(firstSub)
    return prefix + number + "." + String(repeating: "0", count: max(0, subDigits - sub.count)) + sub
  }

  /// Whether `text` is exactly one identifier of this shape (read by the same matcher as every identifier).
  public func matches(_ text: some StringProtocol) -> Bool {
    IdentifierSyntax(shape: self).kind(of: String(text)) != nil
  }
}
