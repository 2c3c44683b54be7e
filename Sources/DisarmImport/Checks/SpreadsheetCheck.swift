import DisarmDiagnostics
import DisarmFramework
import DisarmSupport
import DisarmWorkbook

/// One check of a master spreadsheet before `disarm import` writes anything: the spreadsheet counterpart of a lint
/// rule, with its catalogue entry (shown by `disarm explain`), its examples and its findings located at
/// `book.xlsx:sheet!C12`. A new check is one file here plus one line in ``SpreadsheetChecks/all``. Sendable, as a
/// lint ``Rule`` is, so that the list of checks can be shared by concurrent code.
protocol SpreadsheetCheck: Sendable {
  /// The catalogue entry: category, id, severity, summary, explanation.
  static var description: RuleDescription { get }
  /// Triggering and non-triggering examples (at least one of each), with `↓` markers where the check fires.
  static var examples: [SpreadsheetExample] { get }
  /// The check's findings in `spreadsheet`.
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
    RowWithoutIDCheck.self, DuplicateIdentifierCheck.self, DanglingReferenceCheck.self, FloatYearCheck.self,
  ]

  /// The checks' catalogue entries (for `disarm explain` and the diagnostics catalogue).
  public static var descriptions: [RuleDescription] { all.map { $0.description } }

  /// The examples of the check whose id is written `id` (none for an id that is not a spreadsheet check's), for
  /// `disarm explain` and the tests that run them.
  public static func examples(of id: String) -> [SpreadsheetExample] {
    all.first { $0.id.rawValue == id }?.examples ?? []
  }

  /// Every finding of every check in `example`'s workbooks, read with the standard framework's description as
  /// `disarm import` reads a master spreadsheet (and the data workbook, when the example has one).
  public static func findings(in example: SpreadsheetExample) throws(WorkbookError) -> [Diagnostic] {
    let main = try ExampleWorkbook.workbook(example.sheets, path: SpreadsheetExample.workbookName)
    let data =
      example.dataSheets.isEmpty
      ? nil : try ExampleWorkbook.workbook(example.dataSheets, path: SpreadsheetExample.dataWorkbookName)
    let spreadsheet = ImportedSpreadsheet(
      framework: BuiltInFrameworks.standard, main: (SpreadsheetExample.workbookName, main),
      data: data.map { (SpreadsheetExample.dataWorkbookName, $0) })
    return run(spreadsheet)
  }

  /// Every finding of every check, sorted.
  static func run(_ spreadsheet: ImportedSpreadsheet) -> [Diagnostic] {
    // The checks are independent: run on all cores, gathered in the order of `all`.
    ParallelMap.map(all) { $0.check(spreadsheet) }.flatMap { $0 }.sorted()
  }
}
