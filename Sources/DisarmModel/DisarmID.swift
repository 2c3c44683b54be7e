import DisarmFramework
import DisarmParser

/// A DISARM identifier (`T0151.008`, `TA07`, `I00122`) that knows its kind.
///
/// Identifiers order by kind, then numerically, which for DISARM's zero-padded codes equals text order
/// (`T0151` < `T0151.001` < `T0152`).
public struct DisarmID: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The kind the prefix names (`TA` a tactic, `T` a technique); identifiers sort by it first.
  public let kind: ObjectKind
  /// The identifier as written in canonical form (upper-case).
  public let string: String

  /// Parses an identifier of the framework whose syntax is `syntax`; nil unless `text` is exactly one identifier
  /// (no spaces, no extra characters).
  public init?(_ text: some StringProtocol, in syntax: IdentifierSyntax) {
    let string = String(text)
    guard let kind = syntax.kind(of: string) else { return nil }
    self.kind = kind
    self.string = string
  }

  /// Parses an identifier written in any letter case (`t0151.008`).
  public init?(caseInsensitive text: some StringProtocol, in syntax: IdentifierSyntax) {
    self.init(text.uppercased(), in: syntax)
  }

  /// An identifier already recognised (a parent's prefix, a syntax match).
  init(kind: ObjectKind, string: String) {
    self.kind = kind
    self.string = string
  }

  /// Parses a DISARM 1.x identifier (`T0151.008`), for tests and examples written in that framework; code reading
  /// a knowledge base passes its framework's syntax.
  public init?(_ text: some StringProtocol) {
    self.init(text, in: BuiltInFrameworks.standard.identifiers)
  }

  /// By the text alone: identifiers are looked up by the ten thousand, and the text already tells almost every two
  /// apart (equal identifiers have equal text, so this agrees with `==`, which compares the kind too).
  public func hash(into hasher: inout Hasher) { hasher.combine(string) }

  /// By kind, then by text: numeric order for zero-padded codes, and a technique before its sub-techniques.
  public static func < (lhs: DisarmID, rhs: DisarmID) -> Bool {
    lhs.kind != rhs.kind ? lhs.kind < rhs.kind : lhs.string < rhs.string
  }

  /// The canonical text (`T0151.008`), so that identifiers interpolate into messages as written.
  public var description: String { string }

  /// For a sub-technique (`T0151.008`), its parent technique (`T0151`).
  public var parentTechnique: DisarmID? {
    guard kind == .technique, let dot = string.firstIndex(of: ".") else { return nil }
    return DisarmID(kind: .technique, string: String(string[..<dot]))
  }

  /// Whether this is a sub-technique identifier (`T0151.008`).
  public var isSubtechnique: Bool { parentTechnique != nil }

  /// The first identifier at the start of `text` (after spaces), and the rest of the text after it
  /// (`"TA07 Select Channels"` gives `TA07` and `"Select Channels"`).
  public static func leading(in text: String, syntax: IdentifierSyntax) -> (id: DisarmID, rest: String)? {
    let trimmed = text.trimmingWhitespace()
    let bytes = Array(trimmed.utf8)
    guard let (kind, end) = syntax.match(bytes, at: 0) else { return nil }
    let id = DisarmID(kind: kind, string: String(decoding: bytes[..<end], as: UTF8.self))
    var rest = String(decoding: bytes[end...], as: UTF8.self).trimmingWhitespace()
    if rest.hasPrefix("-") || rest.hasPrefix(":") { rest = String(rest.dropFirst()).trimmingWhitespace() }
    return (id, rest)
  }
}
