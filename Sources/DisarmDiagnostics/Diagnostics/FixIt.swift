/// A mechanical repair of a finding: replace the bytes of `range` in the diagnostic's file with `replacement`.
///
/// Editors and `disarm lint --fix` apply the same edit; a rule is fixable exactly when its findings carry fix-its
/// (or, for derived content, when regeneration rewrites the page).
public struct FixIt: Hashable, Sendable {
  /// What the fix does, in a few words ("trim the name").
  public var message: String
  /// The source to replace (half-open).
  public var range: SourceRange
  /// The new text.
  public var replacement: String

  /// `message` is what editors offer the fix as; `range` and `replacement` are applied verbatim.
  public init(message: String, range: SourceRange, replacement: String) {
    self.message = message
    self.range = range
    self.replacement = replacement
  }
}
