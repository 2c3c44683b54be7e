/// What part of a knowledge base a rule looks at, as SwiftLint sorts its rules into `Lint`, `Style` and the rest:
/// `disarm lint --list-rules` and `docs/DIAGNOSTICS.md` group the catalogue by it, and each lint rule's file lives
/// in the folder of its category (`Sources/DisarmLint/Rules/Structure/EmptySummaryRule.swift`). The spreadsheet
/// checks of `disarm import` take the category of the lint rule they mirror (`sheet-duplicate-id` is Structure, as
/// `duplicate-id` is). Cases are in catalogue order: a page must be readable before its structure means anything,
/// and its structure must hold before its references and its consistency with other pages can be checked.
public enum RuleCategory: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  /// Whether a file can be read as a page at all: unreadable files and folders, binary content, encodings other
  /// than UTF-8, files that are not markdown pages.
  case files
  /// The shape of one page or one spreadsheet row: its file name and folder, its heading, its notes marker, its
  /// tables and fields, its identifier.
  case structure
  /// What a page or a row names: links, fields and mentions that must lead to an object, and the names written
  /// beside identifiers.
  case references
  /// Whether pages agree with one another and with what is derived from them: derived tables and indexes, facts
  /// given in two places, stale and orphan pages, values a spreadsheet export left behind.
  case consistency
  /// Identifiers retired from the framework (the register `retired.yml`, and a base version to compare with): a
  /// retired identifier must not come back, and a removed object must be recorded as retired.
  case retirement
  /// What happened when pages were regenerated and written: pages left as they are, pages that changed on disk
  /// while `disarm` ran.
  case regeneration

  /// What the category's rules look at, in one line without a final period, for the catalogue (`docs/DIAGNOSTICS.md`)
  /// and `disarm explain`.
  public var summary: String {
    switch self {
    case .files: "whether a file can be read as a page at all (its bytes, its encoding, its kind of file)"
    case .structure: "the shape of one page or spreadsheet row: file name, folder, heading, marker, tables, fields"
    case .references: "links, fields and mentions that name other objects, and the names written beside them"
    case .consistency: "whether pages agree with one another and with what is derived from them"
    case .retirement: "identifiers retired from the framework (`retired.yml`, `--against`, `--since`)"
    case .regeneration: "pages that regeneration left as they are or that changed on disk while `disarm` ran"
    }
  }

  /// The category's name as a heading and as its rules' folder (`Structure`).
  public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

  /// The lower-case name, as in JSON and SARIF (`structure`).
  public var description: String { rawValue }
}
