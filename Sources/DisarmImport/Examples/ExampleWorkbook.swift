import DisarmWorkbook
import Foundation

/// A ``SpreadsheetExample``'s sheets made into a ``Workbook`` through the parts of an xlsx file (the workbook, its
/// relationships and one worksheet per sheet, cells inline), read back by the same reader `disarm import` uses: the
/// examples' cells reach the checks exactly as a real file's would, numbers as numbers.
enum ExampleWorkbook {
  /// The workbook holding `sheets` (sorted by name), its errors naming `path`.
  static func workbook(_ sheets: [String: [[String]]], path: String) throws(WorkbookError) -> Workbook {
    let names = sheets.keys.sorted()
    var parts: [String: [UInt8]] = [:]
    var listed = ""
    var relationships = ""
    for (index, name) in names.enumerated() {
      listed += "<sheet name=\"\(escaped(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
      relationships += "<Relationship Id=\"rId\(index + 1)\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
      parts["xl/worksheets/sheet\(index + 1).xml"] = Array(worksheet(sheets[name] ?? []).utf8)
    }
    parts["xl/workbook.xml"] = Array("<workbook xmlns:r=\"r\"><sheets>\(listed)</sheets></workbook>".utf8)
    parts["xl/_rels/workbook.xml.rels"] = Array("<Relationships>\(relationships)</Relationships>".utf8)
    return try Workbook.read(parts: parts, path: path)
  }

  /// One worksheet part: a row per row (row 1 first), a cell per non-empty text.
  static func worksheet(_ rows: [[String]]) -> String {
    var xml = "<worksheet><sheetData>"
    for (index, row) in rows.enumerated() {
      xml += "<row r=\"\(index + 1)\">"
      for (column, text) in row.enumerated() where !text.isEmpty {
        let reference = "\(CellAddress.letters(column))\(index + 1)"
        if let number = number(text) {
          xml += "<c r=\"\(reference)\"><v>\(number)</v></c>"
        } else {
          let shown = text.hasPrefix("'") ? String(text.dropFirst()) : text
          xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escaped(shown))</t></is></c>"
        }
      }
      xml += "</row>"
    }
    return xml + "</sheetData></worksheet>"
  }

  /// The text as a spreadsheet program stores a typed number (`2016`, `-4.5`), or nil for text.
  static func number(_ text: String) -> String? {
    text.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil ? text : nil
  }

  /// `text` with XML's special characters written as entities.
  static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
