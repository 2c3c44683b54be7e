import DisarmParser

/// A diagnostic rule: a stable id, its default severity and a one-line summary.
public struct Rule: Hashable, Sendable {
  public let id: String
  public let severity: Severity
  public let summary: String

  /// Makes a diagnostic of this rule.
  public func diagnostic(file: String, line: Int = 0, column: Int = 0, _ message: String) -> Diagnostic {
    Diagnostic(rule: id, severity: severity, file: file, line: line, column: column, message: message)
  }

  public func diagnostic(file: String, at position: SourcePosition, _ message: String) -> Diagnostic {
    diagnostic(file: file, line: position.line, column: position.column, message)
  }
}

/// The rules the parser and the linker report. Ids are stable; messages may change.
public enum Rules {
  // Reading
  public static let unreadableFile = Rule(id: "unreadable-file", severity: .error, summary: "A file or folder cannot be read.")
  public static let binaryContent = Rule(id: "binary-content", severity: .error, summary: "A page contains NUL bytes.")
  public static let invalidUTF8 = Rule(id: "invalid-utf8", severity: .error, summary: "A page is not valid UTF-8.")
  public static let unexpectedFile = Rule(
    id: "unexpected-file", severity: .warning, summary: "A file in a page folder is not a markdown page.")
  // Structure
  public static let fileNameNotID = Rule(
    id: "file-name-not-id", severity: .error, summary: "A page's file name is not a DISARM identifier of its folder's kind.")
  public static let missingHeading = Rule(
    id: "missing-heading", severity: .error, summary: "A page has no `# Kind ID: Name` heading.")
  public static let headingIDMismatch = Rule(
    id: "heading-id-mismatch", severity: .error, summary: "The identifier in a page's heading differs from its file name.")
  public static let headingKindMismatch = Rule(
    id: "heading-kind-mismatch", severity: .warning, summary: "A page's heading names another kind than its folder.")
  public static let duplicateID = Rule(
    id: "duplicate-id", severity: .error, summary: "Two pages define the same identifier.")
  public static let missingNotesMarker = Rule(
    id: "missing-notes-marker", severity: .warning, summary: "A page has no `DO NOT EDIT ABOVE THIS LINE` marker.")
  public static let malformedTableRow = Rule(
    id: "malformed-table-row", severity: .warning, summary: "A table row has the wrong number of cells.")
  public static let unreadableField = Rule(
    id: "unreadable-field", severity: .error, summary: "A field's value cannot be read (e.g. a tactic field without a tactic ID).")
  public static let mixedTemplates = Rule(
    id: "mixed-templates", severity: .warning, summary: "Technique pages use both the 2022 and the 2025 template.")
  // References
  public static let unresolvedLink = Rule(
    id: "unresolved-link", severity: .error, summary: "A table link or relation names an object that has no page.")
  public static let unresolvedReference = Rule(
    id: "unresolved-reference", severity: .warning, summary: "An identifier in prose names no object.")
  public static let nameMismatch = Rule(
    id: "name-mismatch", severity: .warning, summary: "A reference gives an object another name than its heading.")
  public static let parentMismatch = Rule(
    id: "parent-mismatch", severity: .warning, summary: "A Parent Technique field disagrees with the sub-technique's ID.")
  // Consistency
  public static let stalePage = Rule(
    id: "stale-page", severity: .warning, summary: "A page's object is not listed in its kind's index page.")
  public static let missingPage = Rule(
    id: "missing-page", severity: .warning, summary: "An index lists an object that has no page.")

  // Regeneration
  public static let pageNotRegenerated = Rule(
    id: "page-not-regenerated", severity: .note,
    summary: "A page is left as it is: it is stale, has errors, or holds text outside fields and tables.")

  /// Every rule the model reports.
  public static let all: [Rule] = [
    unreadableFile, binaryContent, invalidUTF8, unexpectedFile, fileNameNotID, missingHeading, headingIDMismatch,
    headingKindMismatch, duplicateID, missingNotesMarker, malformedTableRow, unreadableField, mixedTemplates,
    unresolvedLink, unresolvedReference, nameMismatch, parentMismatch, stalePage, missingPage, pageNotRegenerated,
  ]
}
