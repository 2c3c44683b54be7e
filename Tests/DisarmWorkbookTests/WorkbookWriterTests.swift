import DisarmTestSupport
import Foundation
import Testing

@testable import DisarmWorkbook

/// The workbook writer: read back by this target's reader and by openpyxl with every cell as it was, the same
/// bytes for the same sheets, Excel's limits refused with a message naming the sheet or cell.
@Suite struct WorkbookWriterTests {
  /// Texts that XML, Excel's escapes or a careless writer would change.
  static let awkward: [String] = [
    "naïve café — 名前 🙂", "line one\nline two", "carriage\rreturn", "crlf\r\nend", "\r", "  leading and trailing  ",
    "\ttab first", " ", "a & b < c > d \"quoted\" 'single'", "bell\u{07}and\u{0B}vertical tab\u{1F}", "nul\u{0}",
    "non-character \u{FFFE}\u{FFFF}", "_x0041_", "_x005F_", "a_x000D_b", "lower _x000d_", "_x00zz_", "__x0041__",
    "_x0041", "2016", "TRUE", "=1+1", "#N/A", "\u{E9}", "e\u{301}", String(repeating: "x", count: 32_767),
  ]

  static let sheets: [WorkbookWriter.Sheet] = [
    WorkbookWriter.Sheet(
      name: "incidents",
      rows: [
        (1...30).map { "column \($0)" },
        Array(awkward.prefix(15)) + Array(repeating: "", count: 11) + ["AA", "AB", "", "AD"],
        [],
        ["", "", "after an empty row and two empty cells"],
        Array(awkward.suffix(from: 15)) + ["column 1"],
      ]),
    WorkbookWriter.Sheet(name: "Bob's names – ünïcødé 名前", rows: [["only a header"]]),
    WorkbookWriter.Sheet(
      name: "wide",
      rows: [
        [25, 26, 51, 52, 701, 702, 16_383].reduce(into: Array(repeating: "", count: 16_384)) { row, column in
          row[column] = "column \(column)"
        }
      ]),
    WorkbookWriter.Sheet(name: "empty", rows: [[], ["", ""]]),
  ]

  /// Every non-empty cell, `sheet:row:column` (row 1-based, column 0-based) to its UTF-8 bytes: compared as bytes,
  /// since Swift's `==` holds `é` and `e` + U+0301 equal.
  static func expectedCells(_ sheets: [WorkbookWriter.Sheet]) -> [String: [UInt8]] {
    var cells: [String: [UInt8]] = [:]
    for (index, sheet) in sheets.enumerated() {
      for (row, texts) in sheet.rows.enumerated() {
        for (column, text) in texts.enumerated() where !text.isEmpty {
          cells["\(index):\(row + 1):\(column)"] = Array(text.utf8)
        }
      }
    }
    return cells
  }

  static func write(_ sheets: [WorkbookWriter.Sheet], in folder: URL) throws -> URL {
    let url = folder.appendingPathComponent("written.xlsx")
    try Data(try WorkbookWriter.bytes(sheets)).write(to: url)
    return url
  }

  /// Written, then read by this target's reader: the same sheets, in order, and every cell the same text.
  @Test func roundTripsThroughTheReader() throws {
    let folder = TemporaryFolder.make("disarm-workbook-writer")
    defer { try? FileManager.default.removeItem(at: folder) }
    let workbook = try Workbook.read(path: try Self.write(Self.sheets, in: folder).path)
    #expect(workbook.sheets.map(\.name) == Self.sheets.map(\.name))
    var actual: [String: [UInt8]] = [:]
    for (index, sheet) in workbook.sheets.enumerated() {
      for row in sheet.rows {
        for cell in row.cells {
          guard case .text(let text) = cell.value else {
            Issue.record("\(sheet.name) row \(row.number) column \(cell.column) is \(cell.value), not text")
            continue
          }
          actual["\(index):\(row.number):\(cell.column)"] = Array(text.utf8)
        }
      }
    }
    let expected = Self.expectedCells(Self.sheets)
    let differing =
      Array(Set(expected.keys).symmetricDifference(actual.keys))
      + expected.keys.filter {
        actual[$0] != nil && actual[$0] != expected[$0]
      }
    #expect(
      differing.isEmpty,
      "\(differing.sorted().prefix(5).map { "\($0): wrote \(Self.show(expected[$0])) read \(Self.show(actual[$0]))" })")
    #expect(workbook.sheet("wide")?.rows.first?.cells.map(\.column) == [25, 26, 51, 52, 701, 702, 16_383])
    #expect(workbook.sheet("empty")?.rows.isEmpty == true)
  }

  /// The reader decodes Excel's escapes in inline strings as in shared strings (the writer never writes inline
  /// strings, Excel and other writers may); formula text (`t="str"`) is left as written.
  @Test func theReaderDecodesEscapesInInlineStrings() throws {
    let sheet =
      #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a_x000D_b _x005F_x0041_ _x0041_</t></is></c>"#
      + #"<c r="B1" t="str"><v>_x0041_</v></c></row></sheetData></worksheet>"#
    let parts: [String: [UInt8]] = [
      "xl/workbook.xml": Array(
        #"<workbook xmlns:r="r"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8),
      "xl/_rels/workbook.xml.rels": Array(
        #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8),
      "xl/worksheets/sheet1.xml": Array(sheet.utf8),
    ]
    let cells = try Workbook.read(parts: parts, path: "inline.xlsx").sheets.first?.rows.first?.cells.map(\.value)
    #expect(cells == [.text("a\rb _x0041_ A"), .text("_x0041_")])
  }

  static func show(_ bytes: [UInt8]?) -> String {
    bytes.map { String(decoding: $0.prefix(60), as: UTF8.self).debugDescription } ?? "nothing"
  }

  /// The parts as written: Excel's escapes, `xml:space="preserve"`, shared strings once each in first-use order,
  /// column letters past Z, the used range.
  @Test func partsAreWrittenAsExcelWritesThem() throws {
    let bytes = try WorkbookWriter.bytes(Self.sheets)
    var reader = PartReader(source: .zip(bytes, try ZipDirectory(bytes)), path: "written.xlsx", budget: Int.max)
    for part in [
      "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
      "xl/worksheets/sheet4.xml",
    ] {
      #expect(try reader.optional(part) != nil, "\(part) is missing")
    }
    let sharedStrings = try reader.required("xl/sharedStrings.xml")
    let xml = String(decoding: sharedStrings, as: UTF8.self)
    for fragment in [
      "<t xml:space=\"preserve\">carriage_x000D_return</t>", "<t xml:space=\"preserve\">crlf_x000D_\nend</t>",
      "<t xml:space=\"preserve\">  leading and trailing  </t>", "<t xml:space=\"preserve\">line one\nline two</t>",
      "<t>a &amp; b &lt; c &gt; d &quot;quoted&quot; 'single'</t>", "<t>bell_x0007_and_x000B_vertical tab_x001F_</t>",
      "<t>nul_x0000_</t>", "<t>non-character _xFFFE__xFFFF_</t>", "<t>_x005F_x0041_</t>", "<t>_x005F_x005F_</t>",
      "<t>a_x005F_x000D_b</t>", "<t>lower _x005F_x000d_</t>", "<t>_x00zz_</t>", "<t>__x005F_x0041__</t>",
      "<t>_x0041</t>",
    ] {
      let found = xml.contains(fragment)
      #expect(found, "sharedStrings.xml lacks \(fragment.debugDescription)")
    }
    var firstUse: [[UInt8]] = []
    var seen: Set<[UInt8]> = []
    for sheet in Self.sheets {
      for text in sheet.rows.joined() where !text.isEmpty && seen.insert(Array(text.utf8)).inserted {
        firstUse.append(Array(text.utf8))
      }
    }
    #expect(try SharedStrings.read(sharedStrings, path: "written.xlsx").map { Array($0.utf8) } == firstUse)
    #expect(xml.contains("uniqueCount=\"\(firstUse.count)\""))
    let incidents = String(decoding: try reader.required("xl/worksheets/sheet1.xml"), as: UTF8.self)
    #expect(incidents.contains("<dimension ref=\"A1:AD5\"/>"))
    #expect(incidents.contains("<c r=\"AA2\" t=\"s\"><v>"))
    #expect(incidents.contains("<c r=\"AD2\" t=\"s\"><v>"))
    #expect(incidents.contains("state=\"frozen\""))
    let wide = String(decoding: try reader.required("xl/worksheets/sheet3.xml"), as: UTF8.self)
    for reference in ["Z1", "AA1", "AZ1", "BA1", "ZZ1", "AAA1", "XFD1"] {
      #expect(wide.contains("<c r=\"\(reference)\" t=\"s\">"), "no cell \(reference)")
    }
    #expect(wide.contains("<dimension ref=\"A1:XFD1\"/>"))
    #expect(!wide.contains("frozen"), "a sheet with only a header row has nothing to freeze it above")
    let empty = String(decoding: try reader.required("xl/worksheets/sheet4.xml"), as: UTF8.self)
    #expect(empty.contains("<dimension ref=\"A1\"/>") && empty.contains("<sheetData/>"))
    let workbook = String(decoding: try reader.required("xl/workbook.xml"), as: UTF8.self)
    #expect(workbook.contains("<sheet name=\"Bob's names – ünïcødé 名前\" sheetId=\"2\" r:id=\"rId2\"/>"))
  }

  /// The same sheets give the same bytes, every zip entry dated 1980-01-01 00:00 (a date taken from the clock
  /// would make two quick writes equal only by chance).
  @Test func sameSheetsGiveTheSameBytes() throws {
    let first = try WorkbookWriter.bytes(Self.sheets)
    let second = try WorkbookWriter.bytes(Self.sheets.map { WorkbookWriter.Sheet(name: $0.name, rows: $0.rows) })
    #expect(first == second)
    func u16(_ at: Int) -> Int { Int(first[at]) | Int(first[at + 1]) << 8 }
    func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
    let end = first.count - 22
    #expect(u32(end) == 0x0605_4B50, "the file ends with an end-of-central-directory record, without comment")
    var entry = u32(end + 16)
    var names: [String] = []
    for _ in 0..<u16(end + 10) {
      #expect(u32(entry) == 0x0201_4B50)
      let local = u32(entry + 42)
      // DOS time 0 (00:00:00) and date (1980 - 1980) << 9 | 1 << 5 | 1, in the directory and the local header.
      let dates: [Int] = [u16(entry + 12), u16(entry + 14), u16(local + 10), u16(local + 12)]
      #expect(dates == [0, 0x21, 0, 0x21])
      #expect(u16(entry + 10) == 8, "deflated")
      names.append(String(decoding: first[(entry + 46)..<(entry + 46 + u16(entry + 28))], as: UTF8.self))
      entry += 46 + u16(entry + 28) + u16(entry + 30) + u16(entry + 32)
    }
    #expect(
      names == [
        "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
        "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
        "xl/worksheets/sheet4.xml", "xl/sharedStrings.xml", "xl/styles.xml",
      ])
  }

  static func error(_ sheets: [WorkbookWriter.Sheet]) -> WorkbookError? {
    do {
      _ = try WorkbookWriter.bytes(sheets)
      return nil
    } catch {
      return error
    }
  }

  /// Names Excel refuses: empty, over 31 characters (counted in UTF-16), with `: \ / ? * [ ]`, an apostrophe at
  /// either end, a control character; and a name holding what Excel would read as an `_xHHHH_` escape.
  @Test(arguments: [
    "", String(repeating: "n", count: 32), String(repeating: "🙂", count: 16), "a:b", "a\\b", "a/b", "a?b", "a*b",
    "a[b", "a]b", "'quoted", "quoted'", "tab\there", "_x0041_",
  ])
  func invalidSheetNamesAreRefused(name: String) throws {
    let error = try #require(Self.error([WorkbookWriter.Sheet(name: name, rows: [["a"]])]))
    #expect(error.path == "<workbook>")
    #expect(error.message.contains("sheet name"), "\(error)")
  }

  @Test func sheetNamesMustBeUniqueRegardlessOfCase() throws {
    let error = try #require(
      Self.error([
        WorkbookWriter.Sheet(name: "Incidents", rows: []), WorkbookWriter.Sheet(name: "INCIDENTS", rows: []),
      ]))
    #expect(
      error.description == #"<workbook>: sheets "Incidents" and "INCIDENTS" differ only in case; "#
        + "Excel needs names unique regardless of case")
    #expect(Self.error([WorkbookWriter.Sheet(name: "Ä", rows: []), WorkbookWriter.Sheet(name: "ä", rows: [])]) != nil)
    #expect(Self.error([WorkbookWriter.Sheet(name: "a", rows: []), WorkbookWriter.Sheet(name: "a", rows: [])]) != nil)
    #expect(Self.error([]) != nil, "a workbook needs a sheet")
    #expect(Self.error([WorkbookWriter.Sheet(name: String(repeating: "n", count: 31), rows: [])]) == nil)
    #expect(Self.error([WorkbookWriter.Sheet(name: "it's [not] ok", rows: [])]) != nil)
    #expect(Self.error([WorkbookWriter.Sheet(name: "it's ok", rows: [])]) == nil)
  }

  /// A cell over Excel's 32,767 characters (counted in UTF-16, as Excel stores text) names its sheet and cell; so
  /// does a cell beyond Excel's last row or column.
  @Test func overlongCellsAndCellsBeyondTheGridAreRefused() throws {
    var rows = Array(repeating: ["a"], count: 11)
    rows.append(["a", "b", String(repeating: "x", count: 32_768)])
    let error = try #require(Self.error([WorkbookWriter.Sheet(name: "incidents", rows: rows)]))
    #expect(
      error.description
        == "<workbook>: incidents!C12 has 32768 characters; Excel allows at most 32767 in a cell")
    let emoji = try #require(
      Self.error([
        WorkbookWriter.Sheet(name: "open incidents", rows: [[String(repeating: "🙂", count: 16_384)]])
      ]))
    #expect(error.path == "<workbook>")
    #expect(emoji.message.hasPrefix("'open incidents'!A1 has 32768 characters"), "\(emoji)")
    let tall = Array(repeating: [String](), count: 1_048_576) + [["too far down"]]
    let below = try #require(Self.error([WorkbookWriter.Sheet(name: "tall", rows: tall)]))
    #expect(below.message.hasPrefix("tall!A1048577 lies beyond Excel's last cell"), "\(below)")
    let wide = [Array(repeating: "", count: 16_384) + ["too far right"]]
    let right = try #require(Self.error([WorkbookWriter.Sheet(name: "wide", rows: wide)]))
    #expect(right.message.hasPrefix("wide!XFE1 lies beyond Excel's last cell"), "\(right)")
    #expect(Self.error([WorkbookWriter.Sheet(name: "tall", rows: Array(tall.dropLast()))]) == nil)
  }

  /// openpyxl reads the file with the same sheets and every cell the same text. openpyxl 3.1 does not decode
  /// Excel's `_xHHHH_` escapes (Excel does, and this target's reader): a text holding a character written so may
  /// come back with the escape as written. It also deletes every `x005F_` from shared strings, so a text holding
  /// that literally cannot come back through it, and is not compared.
  @Test(.enabled(if: WorkbookReaderTests.openpyxlAvailable, "python3 with openpyxl is missing: comparison skipped"))
  func openpyxlReadsWhatWasWritten() throws {
    let folder = TemporaryFolder.make("disarm-workbook-writer")
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = try Self.write(Self.sheets, in: folder)
    let script = TestSupport.repositoryRoot.appendingPathComponent("scripts/dump-xlsx.py").path
    let dump = try WorkbookReaderTests.run(["python3", script, url.path])
    try #require(dump.status == 0, "scripts/dump-xlsx.py failed on the written workbook")
    let json = try #require(try JSONSerialization.jsonObject(with: dump.output) as? [String: Any])
    let sheets = try #require(json["sheets"] as? [[String: Any]])
    #expect(sheets.map { $0["name"] as? String ?? "" } == Self.sheets.map(\.name))
    var actual: [String: String] = [:]
    for (index, sheet) in sheets.enumerated() {
      for cell in sheet["cells"] as? [[Any]] ?? [] {
        let key = "\(index):\(cell[0]):\(cell[1])"
        #expect(cell[2] as? String == "text", "\(key) is read as \(cell[2])")
        actual[key] = cell[3] as? String
      }
    }
    let expected = Self.expectedCells(Self.sheets)
    #expect(Set(actual.keys) == Set(expected.keys))
    var compared = 0
    for (key, bytes) in expected {
      let text = String(decoding: bytes, as: UTF8.self)
      guard !text.contains("x005F_") else { continue }
      let read = actual[key].map { Array($0.utf8) }
      let undecoded = Array(Self.withExcelEscapes(text).utf8)
      #expect(read == bytes || read == undecoded, "\(key): wrote \(Self.show(bytes)) openpyxl read \(Self.show(read))")
      compared += 1
    }
    #expect(compared > 50)
  }

  /// `text` with the characters XML cannot carry (and CR) as Excel's `_xHHHH_` escapes, as openpyxl leaves them.
  static func withExcelEscapes(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x09, 0x0A: out.unicodeScalars.append(scalar)
      case 0x00..<0x20, 0xFFFE, 0xFFFF:
        let digits = String(scalar.value, radix: 16, uppercase: true)
        out += "_x" + String(repeating: "0", count: 4 - digits.count) + digits + "_"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
