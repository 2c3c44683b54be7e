import DisarmDiagnostics
import DisarmFramework
import DisarmParser

/// Something the model could not read as a fact while linking (a field without an identifier, a parent field that
/// names another technique). The model records what it saw; the lint rules `unreadable-field` and `parent-mismatch`
/// decide how to report it, so that a rule's wording and severity live in the rule's own file.
public struct ReadingProblem: Sendable {
  /// What was seen, with what the reporting rule needs to word its message.
  public enum Kind: Sendable, Hashable {
    /// A required field (`Tactic`, `Phase`) is missing from the object's page.
    case missingField(object: DisarmID, label: String)
    /// A field that names another object does not start with an identifier of the expected kind.
    case fieldNotAnID(label: String, expected: ObjectKind, value: String)
    /// A `Parent Technique` field that does not start with an identifier.
    case parentNotAnID
    /// A `Parent Technique` field whose identifier is not the sub-technique's parent.
    case parentMismatch(written: DisarmID, object: DisarmID)
    /// A table row (on an object page) whose first cell names no identifier.
    case rowWithoutID(table: String)
    /// An index row whose first cell is not an identifier of the index's kind.
    case indexCellNotAnID(text: String, kind: ObjectKind)
  }

  /// What went wrong; the case decides which rule reports it.
  public var kind: Kind
  /// Path relative to the page folder, `/`-separated.
  public var file: String
  /// 1-based line and column of the problem (the heading line for a missing field).
  public var line: Int
  /// 1-based UTF-8 byte column; 1 for a missing field.
  public var column: Int
  /// The text the problem is about, when there is one.
  public var range: SourceRange?

  init(_ kind: Kind, file: String, range: SourceRange) {
    self.kind = kind
    self.file = file
    self.line = range.start.line
    self.column = range.start.column
    self.range = range
  }

  init(_ kind: Kind, file: String, line: Int, column: Int) {
    self.kind = kind
    self.file = file
    self.line = line
    self.column = column
    self.range = nil
  }
}
