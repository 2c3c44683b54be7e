import DisarmFramework
import DisarmWorkbook

/// One record kind's rows read from its sheet (``WorkbookSheet``): each row's facts as the generator's pages would
/// show them (``CellText``), and where each fact's cell is, for diagnostics.
struct SheetRecords: Sendable {
  /// One data row.
  struct Record: Sendable {
    /// The sheet's name.
    var sheet: String
    /// 1-based row number in the sheet.
    var row: Int
    /// Each fact's text, by fact name; a fact whose column the sheet lacks is absent.
    var facts: [String: String]
    /// Each fact's 0-based column, by fact name.
    var columns: [String: Int]

    /// The fact's text, or the empty string.
    subscript(_ fact: String) -> String { facts[fact] ?? "" }

    /// The fact's cell, `techniques!C214`, or the row's first cell when the sheet has no such column.
    func cell(_ fact: String) -> CellAddress {
      CellAddress(sheet: sheet, column: columns[fact] ?? 0, row: row)
    }
  }

  /// The record kind's name (`technique`, `incident-technique`).
  var name: String
  /// Where the framework says the records are.
  var layout: WorkbookSheet
  /// The workbook file the sheet was read from, as given on the command line.
  var file: String
  /// The data rows in sheet order, blank rows left out.
  var records: [Record]
  /// The numbers of the rows of pandas' frame (up to the last row with a value in any column) that have no value in
  /// any fact's column: DISARM's 1.x generator wrote each row of an object sheet, blank or not, so these became the
  /// page `<folder>/.md` and an empty index row (``WorkbookSheet/RowsWithoutID``).
  var blankRows: [Int]
  /// The facts whose column the sheet's header row lacks, with the header the framework expects.
  var missingColumns: [(fact: String, header: String)]
  /// The header row's number (where a missing column is reported).
  var headerRow: Int
  /// Each fact's 0-based column, by fact name.
  var columns: [String: Int]

  /// Reads `layout`'s sheet of `workbook`: the first row with a value is the header; columns are found by their
  /// header text (the first of two with the same header, as pandas keeps it under its own name). With `facts`, only
  /// those facts are read (a row is then blank when it has none of them).
  init(name: String, layout: WorkbookSheet, sheet: Workbook.Sheet, file: String, facts: Set<String>? = nil) {
    self.name = name
    self.layout = layout
    self.file = file
    let header = sheet.rows.first
    headerRow = header?.number ?? 1
    var columnOf: [String: Int] = [:]
    for cell in header?.cells ?? [] {
      let text = CellText.text(cell.value, in: .mixed)
      if columnOf[text] == nil { columnOf[text] = cell.column }
    }
    var missing: [(String, String)] = []
    var factColumns: [String: Int] = [:]
    for (fact, headerText) in layout.columns.sorted(by: { $0.key < $1.key }) where facts?.contains(fact) ?? true {
      if let column = columnOf[headerText] { factColumns[fact] = column } else { missing.append((fact, headerText)) }
    }
    missingColumns = missing
    columns = factColumns
    // pandas' frame runs from the row after the header to the last row with a value in any column (a `longname`
    // formula counts); a row without a value in a column is missing there, which is what turns a year column into
    // floats, and a row without a value in any fact's column is still a row of the frame.
    let dataRows = sheet.rows.dropFirst()
    let lastRow =
      dataRows.last { row in row.cells.contains { !CellText.text($0.value, in: .mixed).isEmpty } }?.number
      ?? headerRow
    let rowCount = lastRow - headerRow
    var types: [Int: CellText.ColumnType] = [:]
    for column in Set(factColumns.values) {
      let values = dataRows.compactMap { $0.value(at: column) }
      types[column] = CellText.columnType(values, rowCount: rowCount)
    }
    var records: [Record] = []
    var blankRows: [Int] = []
    var next = headerRow + 1
    for row in dataRows where row.number <= lastRow {
      // Rows the sheet does not hold at all, between two that it does, are blank rows of pandas' frame too.
      if row.number > next { blankRows += Array(next..<row.number) }
      next = row.number + 1
      var facts: [String: String] = [:]
      var blank = true
      for (fact, column) in factColumns {
        let text = CellText.text(row.value(at: column), in: types[column] ?? .mixed)
        facts[fact] = text
        if !text.isEmpty { blank = false }
      }
      if blank {
        blankRows.append(row.number)
      } else {
        records.append(Record(sheet: sheet.name, row: row.number, facts: facts, columns: factColumns))
      }
    }
    self.records = records
    self.blankRows = blankRows
  }
}

/// A cell's address as spreadsheet users write it: `techniques!C214`.
struct CellAddress: Sendable, Equatable, CustomStringConvertible {
  var sheet: String
  /// 0-based column.
  var column: Int
  /// 1-based row.
  var row: Int

  var description: String { "\(sheet)!\(Self.letters(column))\(row)" }

  /// `A` for 0, `Z` for 25, `AA` for 26.
  static func letters(_ column: Int) -> String {
    var number = column + 1
    var letters: [Character] = []
    while number > 0 {
      let remainder = (number - 1) % 26
      letters.insert(Character(UnicodeScalar(UInt8(65 + remainder))), at: 0)
      number = (number - 1) / 26
    }
    return String(letters)
  }
}
