import DisarmDiagnostics
import DisarmFramework

/// An identifier mentioned in page text (`T0151.004`, `TA07`, `I00122`), optionally followed by `: Name`.
public struct InlineReference: Hashable, Sendable {
  /// The kind the identifier's prefix names; no object with that identifier need exist.
  public var kind: ObjectKind
  /// The identifier exactly as written.
  public var code: SourceText
  /// The name written after `: `, up to the end of the phrase (a comma, semicolon, unbalanced `)`, `<`, `|`, a
  /// sentence end or the line end). The model compares it with the object's real name.
  public var name: SourceText?
}
