import DisarmDiagnostics
import Foundation

/// A tiny master spreadsheet that shows one spreadsheet check at work, as a ``RuleExample`` does for a lint rule:
/// it either makes the check fire (`triggers`) or is the same spreadsheet with the problem fixed, where the check
/// must stay silent. Each sheet is rows of cell texts, the header row first (row 1); a `↓` in a cell marks a finding
/// the check must report at that cell. The examples run as tests (`SpreadsheetExampleTests`), so what a check's
/// file shows is what the check does.
///
/// Cells are written as a person types them into a spreadsheet program: a cell of digits (`2016`, `4.5`) is stored
/// as a number, one starting with an apostrophe (`'2016`) as the text after it, anything else as text, and an empty
/// string is no cell.
public struct SpreadsheetExample: Sendable {
  /// A place a triggering example expects a finding: a cell of a sheet, or the workbook as a whole.
  public struct ExpectedLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The workbook's file name (``SpreadsheetExample/workbookName`` or ``SpreadsheetExample/dataWorkbookName``).
    public var workbook: String
    /// The sheet's name; nil for a finding about the whole workbook (a sheet it lacks).
    public var sheet: String?
    /// 1-based row; 0 for the whole workbook.
    public var row: Int
    /// 0-based column (A is 0); 0 for the whole workbook.
    public var column: Int

    /// A cell's place, or the whole workbook's when `sheet` is nil.
    public init(workbook: String, sheet: String?, row: Int, column: Int) {
      self.workbook = workbook
      self.sheet = sheet
      self.row = row
      self.column = column
    }

    /// Where a finding whose ``Diagnostic/file`` is `file` points (`book.xlsx:sheet!C12`, or `book.xlsx` for the
    /// whole workbook); nil when it names no workbook or no cell.
    public init?(file: String) {
      func isWorkbook(_ name: Substring) -> Bool { name.hasSuffix(".xlsx") || name.hasSuffix(".xlsm") }
      // As in ``Diagnostic/spreadsheetPlace``: sheet names cannot hold a colon, so the last one ends the file's name.
      guard let colon = file.lastIndex(of: ":") else {
        guard isWorkbook(file[...]) else { return nil }
        self.init(workbook: file, sheet: nil, row: 0, column: 0)
        return
      }
      let workbook = file[..<colon]
      let place = file[file.index(after: colon)...]
      guard isWorkbook(workbook), let bang = place.lastIndex(of: "!") else { return nil }
      let cell = place[place.index(after: bang)...]
      let letters = cell.prefix { $0.isASCII && $0.isUppercase }
      guard !letters.isEmpty, let row = Int(cell.dropFirst(letters.count)) else { return nil }
      let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
      self.init(workbook: String(workbook), sheet: String(place[..<bang]), row: row, column: column)
    }

    /// `book.xlsx:sheet!C12`, as the check's finding names its file; `book.xlsx` for the whole workbook.
    public var description: String {
      guard let sheet else { return workbook }
      return "\(workbook):\(CellAddress(sheet: sheet, column: column, row: row))"
    }

    /// By workbook, sheet, row and column.
    public static func < (lhs: Self, rhs: Self) -> Bool {
      (lhs.workbook, lhs.sheet ?? "", lhs.row, lhs.column) < (rhs.workbook, rhs.sheet ?? "", rhs.row, rhs.column)
    }
  }

  /// The marker that shows where a triggering example fires; removed before the cell is written.
  public static let marker: Character = "↓"
  /// The framework's master spreadsheet, as DISARM names it.
  public static let workbookName = "DISARM_FRAMEWORKS_MASTER.xlsx"
  /// The data workbook holding incidents (``WorkbookImport/dataWorkbookName``).
  public static let dataWorkbookName = WorkbookImport.dataWorkbookName

  /// What the example shows, in one sentence.
  public var note: String
  /// Whether the check must fire on this spreadsheet.
  public var triggers: Bool
  /// The master spreadsheet's sheets: name to rows of cell texts, the header row first, `↓` markers removed.
  public var sheets: [String: [[String]]]
  /// The data workbook's sheets (incidents and their techniques), or none when the example has no data workbook.
  public var dataSheets: [String: [[String]]]
  /// Where the check must fire: one place per `↓` marker (a cell with two markers expects two findings there), plus
  /// the whole master spreadsheet with `wholeWorkbook`; sorted.
  public var expectedLocations: [ExpectedLocation]

  /// An example; see the properties. `↓` in a cell marks a finding at that cell; `wholeWorkbook` one about the
  /// master spreadsheet as a whole.
  public init(
    triggers: Bool, note: String, sheets: [String: [[String]]], data: [String: [[String]]] = [:],
    wholeWorkbook: Bool = false
  ) {
    var expected: [ExpectedLocation] = []
    func strip(_ sheets: [String: [[String]]], workbook: String) -> [String: [[String]]] {
      for (name, rows) in sheets {
        for (rowIndex, row) in rows.enumerated() {
          for (column, cell) in row.enumerated() {
            let place = ExpectedLocation(workbook: workbook, sheet: name, row: rowIndex + 1, column: column)
            expected += Array(repeating: place, count: cell.filter { $0 == Self.marker }.count)
          }
        }
      }
      return sheets.mapValues { rows in
        rows.map { row in row.map { $0.replacingOccurrences(of: String(Self.marker), with: "") } }
      }
    }
    self.sheets = strip(sheets, workbook: Self.workbookName)
    self.dataSheets = strip(data, workbook: Self.dataWorkbookName)
    if wholeWorkbook { expected.append(ExpectedLocation(workbook: Self.workbookName, sheet: nil, row: 0, column: 0)) }
    self.expectedLocations = expected.sorted()
    self.triggers = triggers
    self.note = note
  }
}
