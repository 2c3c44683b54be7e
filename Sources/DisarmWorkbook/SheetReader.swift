/// A worksheet part's cells, row by row: shared strings (`t="s"`), inline strings (`t="inlineStr"`, Excel's `_xHHHH_`
/// escapes decoded as in ``SharedStrings``), formula text (`t="str"`), booleans, errors and numbers (kept as
/// written). Rows with no value are left out, so a sheet padded to a million empty rows costs its bytes once and
/// nothing more.
enum SheetReader {
  /// The rows of a worksheet part whose empty rows and cells were cut (``EmptyElementFilter``, applied while the part
  /// is inflated).
  static func rows(_ bytes: [UInt8], sharedStrings: [String], styles: CellStyles, path: String, part: String)
    throws(WorkbookError) -> [Workbook.Row]
  {
    var cellStyle = 0
    var rows: [Workbook.Row] = []
    var rowNumber = 0
    var cells: [Workbook.Cell] = []
    var cellColumn = 0
    var cellType = ""
    var nextColumn = 0
    var inValue = false
    var inInlineText = false
    var valueText = ""
    var failure: String?
    func finishCell() {
      guard !valueText.isEmpty || cellType == "inlineStr" || cellType == "str" else { return }
      let value: Workbook.Value?
      switch cellType {
      case "s":
        if let index = Int(valueText), index >= 0, index < sharedStrings.count {
          value = .text(sharedStrings[index])
        } else {
          failure =
            "cell \(Self.reference(column: cellColumn, row: rowNumber)) names shared string \(valueText), "
            + "which the workbook does not have"
          value = nil
        }
      case "inlineStr": value = .text(SharedStrings.unescape(valueText))
      case "str": value = .text(valueText)
      case "b": value = .bool(valueText == "1")
      case "e": value = .error(valueText)
      default:
        if cellStyle < styles.isDate.count, styles.isDate[cellStyle], let serial = Double(valueText),
          let date = CellStyles.dateText(serial: serial)
        {
          value = .date(date)
        } else {
          value = .number(valueText)
        }
      }
      if let value, value != .text("") { cells.append(Workbook.Cell(column: cellColumn, value: value)) }
    }
    var scanner = XMLScanner(bytes)
    while let event = try WorkbookParts.next(in: &scanner, path: path, part: part) {
      // After a failure the rest is only scanned (an error in the XML is still the one reported).
      guard failure == nil else { continue }
      switch event {
      case .start(let name, let attributes, let selfClosing):
        switch WorkbookParts.local(name) {
        case "row":
          rowNumber = attributes.withValue(of: "r", Self.integer).flatMap { $0 } ?? (rowNumber + 1)
          // Beyond the grid every spreadsheet program shares (1,048,576 rows, 16,384 columns) there is no cell:
          // a row claiming to be the billionth is a forged or damaged sheet.
          if !(1...Workbook.lastRow).contains(rowNumber), failure == nil {
            failure = "row \(rowNumber) is outside a worksheet's rows (1 to \(Workbook.lastRow); refused)"
          }
          cells = []
          nextColumn = 0
          if selfClosing { rowNumber += 0 }
        case "c":
          cellColumn = attributes.withValue(of: "r", Self.column(of:)).flatMap { $0 } ?? nextColumn
          nextColumn = cellColumn + 1
          if cellColumn >= Workbook.lastColumn, failure == nil {
            failure = "a cell in row \(rowNumber) is outside a worksheet's \(Workbook.lastColumn) columns (refused)"
          }
          cellType = attributes.withValue(of: "t", Self.cellType) ?? "n"
          cellStyle = attributes.withValue(of: "s", Self.integer).flatMap { $0 } ?? 0
          valueText = ""
        case "v": inValue = !selfClosing
        case "t": inInlineText = !selfClosing && cellType == "inlineStr"
        default: break
        }
      case .end(let name):
        switch WorkbookParts.local(name) {
        case "row":
          if !cells.isEmpty { rows.append(Workbook.Row(number: rowNumber, cells: cells)) }
          cells = []
        case "c": finishCell()
        case "v": inValue = false
        case "t": inInlineText = false
        default: break
        }
      case .text(let text):
        if inValue || inInlineText {
          // A cell beyond any spreadsheet program's size is refused before it grows further (see cellByteLimit).
          if valueText.utf8.count + text.utf8.count > Workbook.cellByteLimit {
            if failure == nil {
              failure = "a cell in row \(rowNumber) holds more than \(Workbook.cellByteLimit) bytes of text (refused)"
            }
          } else {
            valueText += text
          }
        }
      }
    }
    if let failure { throw WorkbookError(path: path, "\(part): \(failure)") }
    return rows
  }

  /// The 0-based column of a cell reference (`C214` gives 2), or nil when it is not one.
  static func column(of reference: String) -> Int? {
    var reference = reference
    return reference.withUTF8 { column(of: $0) }
  }

  /// ``column(of:)`` of a reference's UTF-8 bytes.
  static func column(of reference: UnsafeBufferPointer<UInt8>) -> Int? {
    var column = 0
    var letters = 0
    for byte in reference {
      guard byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") else { break }
      column = column * 26 + Int(byte - UInt8(ascii: "A") + 1)
      letters += 1
      guard letters <= 3 else { return nil }
    }
    return letters == 0 ? nil : column - 1
  }

  /// `Int(String(decoding: bytes, as: UTF8.self))`, read on the bytes: an optional sign and decimal digits, nil for
  /// anything else or a number beyond `Int`.
  static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var index = 0
    let negative = bytes.first == UInt8(ascii: "-")
    if negative || bytes.first == UInt8(ascii: "+") { index = 1 }
    guard index < bytes.count else { return nil }
    var value = 0
    while index < bytes.count {
      let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
      guard digit >= 0, digit <= 9 else { return nil }
      let (times, overflowed) = value.multipliedReportingOverflow(by: 10)
      let (next, overflowedAgain) =
        negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
      guard !overflowed, !overflowedAgain else { return nil }
      value = next
      index += 1
    }
    return value
  }

  /// A cell's type attribute as text: the types SpreadsheetML has as constant strings.
  static func cellType(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    for known in ["n", "s", "str", "inlineStr", "b", "e", "d"] where known.utf8.elementsEqual(bytes) { return known }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `C214` for column 2, row 214.
  static func reference(column: Int, row: Int) -> String {
    var letters = ""
    var value = column + 1
    while value > 0 {
      let remainder = (value - 1) % 26
      letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
      value = (value - 1) / 26
    }
    return "\(letters)\(row)"
  }
}
