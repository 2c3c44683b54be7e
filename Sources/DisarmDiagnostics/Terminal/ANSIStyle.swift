/// ANSI colours for terminal output, or none.
public struct ANSIStyle: Sendable {
  /// Whether to emit escape sequences; when false every method returns its text unchanged.
  public let enabled: Bool

  /// The command line decides (`--color`, whether output is a terminal, `NO_COLOR`); the style itself never checks.
  public init(enabled: Bool) { self.enabled = enabled }

  func wrap(_ text: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
  /// Bold, for locations, messages, titles and labels.
  public func bold(_ text: String) -> String { wrap(text, "1") }
  /// Bold red, for `error`.
  public func red(_ text: String) -> String { wrap(text, "1;31") }
  /// Bold yellow, for `warning` and stale pages.
  public func yellow(_ text: String) -> String { wrap(text, "1;33") }
  /// Bold cyan, for `note` and identifiers.
  public func cyan(_ text: String) -> String { wrap(text, "1;36") }
  /// Bold green, for the caret under a diagnostic's column.
  public func green(_ text: String) -> String { wrap(text, "1;32") }
  /// Faint, for what matters least: rule identifiers, file paths.
  public func dim(_ text: String) -> String { wrap(text, "2") }
  /// Italic, for `<i>` and `<em>` text in page values.
  public func italic(_ text: String) -> String { wrap(text, "3") }
}
