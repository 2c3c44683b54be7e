/// A related place a diagnostic points at: the page that already defines a duplicated identifier, the heading
/// that gives the name a reference contradicts. Kept apart from the message so that SARIF `relatedLocations`,
/// JSON consumers and editors can jump to it.
public struct DiagnosticNote: Hashable, Sendable {
  /// Path relative to the page folder, `/`-separated.
  public var file: String
  /// Where in `file`; nil when the note concerns the whole file.
  public var range: SourceRange?
  /// What the place is, in a few words (`T0150 is defined here`); printed after `note:`.
  public var message: String

  /// A note about the whole of `file` when `range` is nil.
  public init(file: String, range: SourceRange? = nil, message: String) {
    self.file = file
    self.range = range
    self.message = message
  }

  /// 1-based line, 0 for the whole file.
  public var line: Int { range?.start.line ?? 0 }
  /// 1-based UTF-8 byte column, 0 for the whole file.
  public var column: Int { range?.start.column ?? 0 }
}
