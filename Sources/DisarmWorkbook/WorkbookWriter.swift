import Foundation
import ZIPFoundation

/// Writes an xlsx workbook whose cells are all text: the counterpart of ``Workbook``, for exports that people open
/// in a spreadsheet program. Every cell is a shared string, so a value such as `2016`, `TRUE` or `=1+1` stays the
/// text it was and is never turned into a number, a boolean or a formula.
///
/// The same sheets always give the same bytes: parts in a fixed order, one fixed modification date in the zip and no
/// document properties (whose creation date would differ on every run). So a regenerated export changes only when
/// its content does, and can be compared byte for byte.
///
/// Excel's limits are checked here rather than left to Excel, which "repairs" a file that breaks them by dropping
/// what it cannot hold: sheet names (1 to 31 characters, none of `: \ / ? * [ ]`, unique regardless of case),
/// 32,767 characters in a cell, 1,048,576 rows and 16,384 columns in a sheet.
public enum WorkbookWriter {
  /// One sheet: its name and its rows, row 0 being the header row. Every cell is text; an empty string writes no
  /// cell, and a row with no text writes no row.
  public struct Sheet: Sendable {
    public var name: String
    public var rows: [[String]]

    public init(name: String, rows: [[String]]) {
      self.name = name
      self.rows = rows
    }
  }

  /// The xlsx file holding `sheets`, in order; the first sheet is the one shown when the file opens.
  public static func bytes(_ sheets: [Sheet]) throws(WorkbookError) -> [UInt8] {
    try checkNames(sheets.map(\.name))
    var strings = SharedStringTable()
    var worksheets: [[UInt8]] = []
    for (index, sheet) in sheets.enumerated() {
      worksheets.append(try worksheet(sheet, selected: index == 0, strings: &strings))
    }
    var parts: [(name: String, bytes: [UInt8])] = [
      ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
      ("_rels/.rels", Array(packageRelationships.utf8)),
      ("xl/workbook.xml", workbook(sheets.map(\.name))),
      ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
    ]
    for (index, bytes) in worksheets.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", bytes)) }
    parts.append(("xl/sharedStrings.xml", strings.part()))
    parts.append(("xl/styles.xml", Array(styles.utf8)))
    return try archive(parts)
  }

  /// What errors name as the file: the writer returns bytes and never learns where they go.
  static let errorPath = "<workbook>"
  static let maximumCellLength = 32_767
  static let maximumRows = 1_048_576
  static let maximumColumns = 16_384
  static let maximumNameLength = 31

  /// 1980-01-01 00:00, the earliest date a zip entry can hold. ZIPFoundation turns it into the entry's date and time
  /// with `gmtime`, so it is the same in every time zone.
  static let modificationDate = Date(timeIntervalSince1970: 315_532_800)

  // MARK: - Checks

  private static func checkNames(_ names: [String]) throws(WorkbookError) {
    guard !names.isEmpty else { throw WorkbookError(path: errorPath, "a workbook needs at least one sheet") }
    var seen: [String: String] = [:]
    for name in names {
      guard !name.isEmpty else { throw WorkbookError(path: errorPath, "a sheet name cannot be empty") }
      // Excel counts UTF-16 code units, as it stores text.
      let length = name.utf16.count
      guard length <= maximumNameLength else {
        throw WorkbookError(
          path: errorPath,
          "sheet name \"\(name)\" has \(length) characters; Excel allows at most \(maximumNameLength)")
      }
      if let forbidden = name.first(where: { ":\\/?*[]".contains($0) }) {
        throw WorkbookError(
          path: errorPath,
          "sheet name \"\(name)\" contains '\(forbidden)'; Excel forbids : \\ / ? * [ ] in sheet names")
      }
      guard !name.hasPrefix("'"), !name.hasSuffix("'") else {
        throw WorkbookError(
          path: errorPath, "sheet name \"\(name)\" begins or ends with an apostrophe, which Excel does not allow")
      }
      // The name is an XML attribute, where Excel's `_xHHHH_` escapes do not apply and a reader turns tabs and line
      // breaks into spaces: such a character cannot be written as itself.
      guard !name.unicodeScalars.contains(where: { $0.value < 0x20 || needsEscape($0) }) else {
        throw WorkbookError(
          path: errorPath,
          "sheet name \(name.debugDescription) contains a control character, which Excel does not allow")
      }
      // Excel would read `_x0041_` in a name as `A` and openpyxl as `_x0041_`: no way to write it that both read.
      let bytes = Array(name.utf8)
      guard !bytes.indices.contains(where: { SharedStrings.escapedValue(in: bytes, at: $0) != nil }) else {
        throw WorkbookError(
          path: errorPath, "sheet name \"\(name)\" contains an _xHHHH_ sequence, which Excel reads as an escape")
      }
      let key = name.lowercased()
      if let other = seen[key] {
        throw WorkbookError(
          path: errorPath,
          other == name
            ? "two sheets are named \"\(name)\"; sheet names must be unique"
            : "sheets \"\(other)\" and \"\(name)\" differ only in case; Excel needs names unique regardless of case")
      }
      seen[key] = name
    }
  }

  /// `incidents!C12`, or `'open incidents'!C12` when the name needs quoting, as Excel writes a reference.
  private static func cellName(_ sheet: String, column: Int, row: Int) -> String {
    let plain = sheet.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
    let quoted = plain ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
    return quoted + "!" + SheetReader.reference(column: column, row: row)
  }

  // MARK: - Parts

  private static let xmlDeclaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
  private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  private static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  private static let packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
  private static let contentTypePrefix = "application/vnd.openxmlformats-officedocument.spreadsheetml."

  private static func contentTypes(sheetCount: Int) -> [UInt8] {
    var xml = xmlDeclaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
    xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
    xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
    func override(_ part: String, _ type: String) {
      xml += #"<Override PartName="/\#(part)" ContentType="\#(contentTypePrefix)\#(type)"/>"#
    }
    override("xl/workbook.xml", "sheet.main+xml")
    for index in 1...sheetCount { override("xl/worksheets/sheet\(index).xml", "worksheet+xml") }
    override("xl/sharedStrings.xml", "sharedStrings+xml")
    override("xl/styles.xml", "styles+xml")
    return Array((xml + "</Types>").utf8)
  }

  private static let packageRelationships =
    xmlDeclaration + #"<Relationships xmlns="\#(packageRelationshipsNamespace)">"#
    + #"<Relationship Id="rId1" Type="\#(relationshipsNamespace)/officeDocument" Target="xl/workbook.xml"/>"#
    + "</Relationships>"

  private static func workbook(_ names: [String]) -> [UInt8] {
    var xml = xmlDeclaration + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipsNamespace)">"#
    xml += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
    for (index, name) in names.enumerated() {
      xml += #"<sheet name="\#(escaped(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
    }
    return Array((xml + "</sheets></workbook>").utf8)
  }

  /// The sheets are `rId1`…`rIdN`, as `xl/workbook.xml` names them; then the styles and the shared strings.
  private static func workbookRelationships(sheetCount: Int) -> [UInt8] {
    var xml = xmlDeclaration + #"<Relationships xmlns="\#(packageRelationshipsNamespace)">"#
    func relationship(_ id: Int, _ type: String, _ target: String) {
      xml += #"<Relationship Id="rId\#(id)" Type="\#(relationshipsNamespace)/\#(type)" Target="\#(target)"/>"#
    }
    for index in 1...sheetCount { relationship(index, "worksheet", "worksheets/sheet\(index).xml") }
    relationship(sheetCount + 1, "styles", "styles.xml")
    relationship(sheetCount + 2, "sharedStrings", "sharedStrings.xml")
    return Array((xml + "</Relationships>").utf8)
  }

  /// The least Excel accepts without repairing the file: one font, the two fills it reserves, one border, the
  /// Normal style.
  private static let styles =
    xmlDeclaration + #"<styleSheet xmlns="\#(mainNamespace)">"#
    + #"<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
    + #"<fills count="2"><fill><patternFill patternType="none"/></fill>"#
    + #"<fill><patternFill patternType="gray125"/></fill></fills>"#
    + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
    + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
    + #"<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>"#
    + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
    + "</styleSheet>"

  /// A worksheet part: its used range (`dimension`), the header row frozen when there are rows below it, and a
  /// shared-string cell for every non-empty text.
  private static func worksheet(_ sheet: Sheet, selected: Bool, strings: inout SharedStringTable)
    throws(WorkbookError) -> [UInt8]
  {
    var data = ""
    var lastRow = 0
    var lastColumn = 0
    for (rowIndex, row) in sheet.rows.enumerated() {
      var cells = ""
      for (column, text) in row.enumerated() where !text.isEmpty {
        guard rowIndex < maximumRows, column < maximumColumns else {
          throw WorkbookError(
            path: errorPath,
            "\(cellName(sheet.name, column: column, row: rowIndex + 1)) lies beyond Excel's last cell "
              + "(\(maximumColumns) columns, \(maximumRows) rows)")
        }
        // Excel counts UTF-16 code units, as it stores text.
        let length = text.utf16.count
        guard length <= maximumCellLength else {
          throw WorkbookError(
            path: errorPath,
            "\(cellName(sheet.name, column: column, row: rowIndex + 1)) has \(length) characters; "
              + "Excel allows at most \(maximumCellLength) in a cell")
        }
        let reference = SheetReader.reference(column: column, row: rowIndex + 1)
        cells += #"<c r="\#(reference)" t="s"><v>\#(strings.index(of: text))</v></c>"#
        lastColumn = max(lastColumn, column)
      }
      guard !cells.isEmpty else { continue }
      data += #"<row r="\#(rowIndex + 1)">"# + cells + "</row>"
      lastRow = rowIndex + 1
    }
    let end = lastRow == 0 ? "A1" : SheetReader.reference(column: lastColumn, row: lastRow)
    var xml = xmlDeclaration + #"<worksheet xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipsNamespace)">"#
    xml += #"<dimension ref="\#(end == "A1" ? "A1" : "A1:" + end)"/>"#
    xml += #"<sheetViews><sheetView\#(selected ? #" tabSelected="1""# : "") workbookViewId="0">"#
    if lastRow > 1 {
      xml += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
      xml += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#
    }
    xml += "</sheetView></sheetViews>"
    xml += data.isEmpty ? "<sheetData/>" : "<sheetData>" + data + "</sheetData>"
    return Array((xml + "</worksheet>").utf8)
  }

  /// The shared strings part being built: each distinct text once, in the order cells first use it.
  private struct SharedStringTable {
    /// Keyed by the UTF-8 bytes rather than the `String`: Swift's `==` holds `é` and `e` + U+0301 equal, and each
    /// must come back as it was written.
    private var indices: [[UInt8]: Int] = [:]
    private var texts: [String] = []
    private var references = 0

    mutating func index(of text: String) -> Int {
      references += 1
      let key = Array(text.utf8)
      if let index = indices[key] { return index }
      indices[key] = texts.count
      texts.append(text)
      return texts.count - 1
    }

    /// `xml:space="preserve"` where the text begins or ends with white space or holds a line break: without it,
    /// readers may trim or fold them.
    func part() -> [UInt8] {
      var xml = xmlDeclaration
      xml += #"<sst xmlns="\#(mainNamespace)" count="\#(references)" uniqueCount="\#(texts.count)">"#
      for text in texts {
        let preserve =
          (text.first?.isWhitespace ?? false) || (text.last?.isWhitespace ?? false)
          || text.unicodeScalars.contains { $0 == "\n" || $0 == "\r" || $0 == "\t" }
        xml += preserve ? #"<si><t xml:space="preserve">"# : "<si><t>"
        xml += escaped(text) + "</t></si>"
      }
      return Array((xml + "</sst>").utf8)
    }
  }

  // MARK: - Text

  /// Whether XML 1.0 cannot carry `scalar` as itself: control characters other than tab and line feed, and the
  /// non-characters U+FFFE and U+FFFF. Carriage return too, though XML allows it: a reader turns CR LF and a lone
  /// CR into LF, so a CR written as itself would not come back.
  static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: false
    case 0x00..<0x20, 0xFFFE, 0xFFFF: true
    default: false
    }
  }

  /// Text as it goes into an element or a double-quoted attribute: `& < > "` as entities, and what
  /// ``needsEscape(_:)`` holds as Excel writes it, `_xHHHH_` (`_x000D_` for CR). A `_` that begins what would read
  /// as such an escape is itself escaped, `_x005F_`, so the text `_x0041_` comes back as itself and not as `A`;
  /// ``SharedStrings/unescape(_:)`` reads both back.
  static func escaped(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    func hexEscape(_ value: UInt32) {
      let digits = String(value, radix: 16, uppercase: true)
      out += Array("_x\(String(repeating: "0", count: 4 - digits.count))\(digits)_".utf8)
    }
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "&"): out += Array("&amp;".utf8)
      case UInt8(ascii: "<"): out += Array("&lt;".utf8)
      case UInt8(ascii: ">"): out += Array("&gt;".utf8)
      case UInt8(ascii: "\""): out += Array("&quot;".utf8)
      case UInt8(ascii: "_") where SharedStrings.escapedValue(in: bytes, at: index - 1) != nil: hexEscape(0x5F)
      case 0xEF where index + 1 < bytes.count && bytes[index] == 0xBF && bytes[index + 1] >= 0xBE:
        // U+FFFE and U+FFFF, EF BF BE and EF BF BF in UTF-8.
        hexEscape(0xFFFE + UInt32(bytes[index + 1] - 0xBE))
        index += 2
      case 0x00..<0x20 where needsEscape(Unicode.Scalar(byte)): hexEscape(UInt32(byte))
      default: out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  // MARK: - Zip

  /// The parts deflated into a zip built in memory (ZIPFoundation's in-memory archive, `fopencookie` on Linux),
  /// every entry with the same fixed date.
  private static func archive(_ parts: [(name: String, bytes: [UInt8])]) throws(WorkbookError) -> [UInt8] {
    do {
      let archive = try Archive(data: Data(), accessMode: .create)
      for part in parts {
        let data = Data(part.bytes)
        try archive.addEntry(
          with: part.name, type: .file, uncompressedSize: Int64(data.count), modificationDate: modificationDate,
          compressionMethod: .deflate,
          provider: { position, size in
            let start = Int(position)
            return data.subdata(in: start..<min(start + size, data.count))
          })
      }
      guard let data = archive.data else {
        throw WorkbookError(path: errorPath, "the xlsx archive could not be built in memory")
      }
      return [UInt8](data)
    } catch let error as WorkbookError {
      throw error
    } catch {
      throw WorkbookError(path: errorPath, "the xlsx archive could not be built (\(error))")
    }
  }
}
