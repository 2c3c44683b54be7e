import DisarmDiagnostics
import DisarmFramework

/// One check of a master spreadsheet before `disarm import` writes anything: the spreadsheet counterpart of a lint
/// rule, with its catalogue entry (shown by `disarm explain`) and its findings located at `book.xlsx:sheet!C12`.
/// A new check is one file here plus one line in ``SpreadsheetChecks/all``.
protocol SpreadsheetCheck {
  static var description: RuleDescription { get }
  static func check(_ spreadsheet: ImportedSpreadsheet) -> [Diagnostic]
}

extension SpreadsheetCheck {
  static var id: RuleID { description.id }

  /// A finding at `location` with the check's severity.
  static func finding(_ location: String, _ message: String, severity: Severity? = nil, notes: [DiagnosticNote] = [])
    -> Diagnostic
  {
    Diagnostic(
      rule: description.id, severity: severity ?? description.severity, file: location, message: message, notes: notes)
  }
}

/// Every spreadsheet check, in catalogue order.
public enum SpreadsheetChecks {
  static let all: [any SpreadsheetCheck.Type] = [
    SheetMissingCheck.self, ColumnMissingCheck.self, BadIdentifierCheck.self, IdentifierWhitespaceCheck.self,
    DuplicateIdentifierCheck.self, DanglingReferenceCheck.self, FloatYearCheck.self,
  ]

  /// The checks' catalogue entries (for `disarm explain` and the diagnostics catalogue).
  public static var descriptions: [RuleDescription] { all.map { $0.description } }

  /// Every finding of every check, sorted.
  static func run(_ spreadsheet: ImportedSpreadsheet) -> [Diagnostic] {
    all.flatMap { $0.check(spreadsheet) }.sorted()
  }
}
