import DisarmTestSupport
import DisarmWorkbook
import Foundation
import Testing

/// The workbook reader against openpyxl on DISARM's six master spreadsheets, and against damaged and hostile files.
@Suite struct WorkbookReaderTests {
  static let masters = Corpus.root.appendingPathComponent("masters")
  static let names = [
    "disarm-2022-07-02", "disarm-2024-03-13", "disarm-2024-11-22", "disarm-2025-02-10",
    "disarm-2025-07-03", "disarm-2026-07-19",
  ]
  static let openpyxlAvailable = (try? run(["python3", "-c", "import openpyxl"]).status) == 0

  static func run(_ arguments: [String]) throws -> (status: Int32, output: Data) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, data)
  }

  /// Every non-empty cell of every sheet, as openpyxl reads it: same sheets, same rows and columns, same values.
  @Test(
    .enabled(if: Corpus.available, Corpus.skipMessage),
    .enabled(if: openpyxlAvailable, "python3 with openpyxl is missing: comparison skipped"), arguments: names)
  func everyCellIsWhatOpenpyxlReads(master: String) throws {
    let path = Self.masters.appendingPathComponent("\(master)/DISARM_FRAMEWORKS_MASTER.xlsx").path
    let workbook = try Workbook.read(path: path)
    let script = TestSupport.repositoryRoot.appendingPathComponent("scripts/dump-xlsx.py").path
    let dump = try Self.run(["python3", script, path])
    #expect(dump.status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: dump.output) as? [String: Any])
    let sheets = try #require(json["sheets"] as? [[String: Any]])
    #expect(workbook.sheets.map(\.name) == sheets.map { $0["name"] as? String ?? "" })
    var compared = 0
    for (ours, theirs) in zip(workbook.sheets, sheets) {
      var expected: [String: String] = [:]
      for cell in theirs["cells"] as? [[Any]] ?? [] {
        let key = "\(cell[0]):\(cell[1])"
        switch cell[2] as? String {
        case "number": expected[key] = "n:\((cell[3] as? NSNumber)?.doubleValue ?? .nan)"
        case "bool": expected[key] = "b:\((cell[3] as? Bool) ?? false)"
        default: expected[key] = "t:\(cell[3] as? String ?? "")"
        }
      }
      var actual: [String: String] = [:]
      for row in ours.rows {
        for cell in row.cells {
          let key = "\(row.number):\(cell.column)"
          switch cell.value {
          case .number(let text): actual[key] = "n:\(Double(text) ?? .nan)"
          case .bool(let value): actual[key] = "b:\(value)"
          case .text(let text): actual[key] = "t:\(text)"
          case .error(let text): actual[key] = "t:\(text)"
          case .date(let text): actual[key] = "t:\(text)"
          }
        }
      }
      let differing = expected.keys.filter { expected[$0] != actual[$0] } + actual.keys.filter { expected[$0] == nil }
      #expect(
        differing.isEmpty,
        "\(master) \(ours.name): \(differing.prefix(5).map { "\($0) ours \(actual[$0] ?? "-") openpyxl \(expected[$0] ?? "-")" })"
      )
      compared += expected.count
    }
    #expect(compared > 1000, "\(master): \(compared) cells compared")
  }

  /// Damaged and hostile files give a clear error, never a crash or a hang.
  @Test func damagedAndHostileFilesAreRefused() throws {
    let folder = TemporaryFolder.make("disarm-workbook")
    defer { try? FileManager.default.removeItem(at: folder) }
    let notZip = folder.appendingPathComponent("text.xlsx")
    try Data("just text\n".utf8).write(to: notZip)
    #expect(throws: WorkbookError.self) { try Workbook.read(path: notZip.path) }
    #expect(throws: WorkbookError.self) { try Workbook.read(path: folder.appendingPathComponent("none.xlsx").path) }
  }

  /// A real master cut in half is refused with an error naming the file.
  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func aTruncatedMasterIsRefused() throws {
    let folder = TemporaryFolder.make("disarm-workbook")
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = Self.masters.appendingPathComponent("disarm-2025-02-10/DISARM_FRAMEWORKS_MASTER.xlsx")
    let bytes = try Data(contentsOf: source)
    let truncated = folder.appendingPathComponent("truncated.xlsx")
    try bytes.prefix(bytes.count / 2).write(to: truncated)
    do {
      _ = try Workbook.read(path: truncated.path)
      Issue.record("a truncated workbook was read")
    } catch {
      #expect(error.description.contains("truncated.xlsx: "), "\(error)")
    }
  }

  /// A minimal workbook whose one sheet part is `sheet` (Python's zipfile writes it), at `url`.
  static func workbook(_ url: URL, sheet: String, repeat count: Int = 1) throws {
    let script = """
      import sys, zipfile
      sheet = sys.stdin.read() * int(sys.argv[2])
      with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
          z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="techniques" sheetId="1" r:id="rId1"/></sheets></workbook>')
          z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
          z.writestr("xl/worksheets/sheet1.xml", sheet)
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, url.path, "\(count)"]
    let input = Pipe()
    process.standardInput = input
    try process.run()
    input.fileHandleForWriting.write(Data(sheet.utf8))
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }

  /// Hostile workbooks: a part that inflates 1000-fold beyond the bound, a document type with entities, a sheet
  /// that claims a billion rows, a cell naming a shared string that does not exist. Each is an error, found
  /// quickly (the billion rows at the cost of the sheet's bytes).
  @Test func hostileWorkbooksAreRefusedWithinBounds() throws {
    let folder = TemporaryFolder.make("disarm-workbook")
    defer { try? FileManager.default.removeItem(at: folder) }
    let start = Date()
    let bomb = folder.appendingPathComponent("bomb.xlsx")
    try Self.workbook(bomb, sheet: String(repeating: " ", count: 1_048_576), repeat: 300)
    #expect((try FileManager.default.attributesOfItem(atPath: bomb.path)[.size] as? Int ?? 0) < 2_000_000)
    do {
      _ = try Workbook.read(path: bomb.path)
      Issue.record("a 300 MiB part in a small file was read")
    } catch {
      #expect(error.message.contains("beyond the bound"), "\(error)")
    }
    let entities = folder.appendingPathComponent("entities.xlsx")
    try Self.workbook(
      entities,
      sheet: "<!DOCTYPE lol [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><worksheet><sheetData>"
        + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>")
    do {
      _ = try Workbook.read(path: entities.path)
      Issue.record("a document type with entities was accepted")
    } catch {
      #expect(error.message.contains("document type"), "\(error)")
    }
    let tall = folder.appendingPathComponent("tall.xlsx")
    try Self.workbook(
      tall,
      sheet: "<worksheet><dimension ref=\"A1:Z1000000000\"/><sheetData><row r=\"1000000000\"><c r=\"Z1000000000\">"
        + "<v>7</v></c></row></sheetData></worksheet>")
    do {
      _ = try Workbook.read(path: tall.path)
      Issue.record("a sheet claiming a billion rows was read")
    } catch {
      #expect(error.message.contains("row 1000000000 is outside a worksheet's rows"), "\(error)")
    }
    let dangling = folder.appendingPathComponent("dangling.xlsx")
    try Self.workbook(
      dangling,
      sheet: "<worksheet><sheetData><row r=\"3\"><c r=\"C3\" t=\"s\"><v>99</v></c></row></sheetData></worksheet>")
    do {
      _ = try Workbook.read(path: dangling.path)
      Issue.record("a dangling shared string was accepted")
    } catch {
      #expect(error.message.contains("cell C3 names shared string 99"), "\(error)")
    }
    // A central directory that points past the end of the file (found by fuzzing: ZIPFoundation's in-memory
    // archive trapped on it; the file-backed one the reader uses reports an error).
    var damaged = Array(try Data(contentsOf: tall))
    if let end = damaged.lastIndex(of: 0x50), end + 20 <= damaged.count, damaged[end + 1] == 0x4B,
      damaged[end + 2] == 0x05, damaged[end + 3] == 0x06
    {
      for offset in 16..<20 { damaged[end + offset] = 0xFF }
      let pointing = folder.appendingPathComponent("pointing.xlsx")
      try Data(damaged).write(to: pointing)
      #expect(throws: WorkbookError.self) { try Workbook.read(path: pointing.path) }
    } else {
      Issue.record("no end-of-central-directory record found to damage")
    }
    #expect(Date().timeIntervalSince(start) < 60, "every hostile workbook is handled in bounded time")
  }

  /// A copy of the workbook at `url` whose central directory says `field` (uncompressed or compressed size) of
  /// `part` is `size`: a zip that lies about its part.
  static func lying(_ url: URL, part: String, field: String, size: Int, to copy: URL) throws {
    let script = """
      import struct, sys
      data = bytearray(open(sys.argv[1], "rb").read())
      name, offset, size = sys.argv[3].encode(), {"compressed": 20, "uncompressed": 24}[sys.argv[4]], int(sys.argv[5])
      at = data.find(b"PK\\x01\\x02", 0)
      while at >= 0:
          length = struct.unpack_from("<H", data, at + 28)[0]
          if bytes(data[at + 46:at + 46 + length]) == name:
              struct.pack_into("<I", data, at + offset, size)
          at = data.find(b"PK\\x01\\x02", at + 4)
      open(sys.argv[2], "wb").write(data)
      """
    let result = try run(["python3", "-c", script, url.path, copy.path, part, field, "\(size)"])
    #expect(result.status == 0)
  }

  /// A part that inflates to more than its entry declares is refused (a zip bomb's trick), and so is one whose
  /// compressed bytes end before its deflate stream does, whether the sheet is filtered while inflated or not.
  @Test func partsThatLieAboutTheirSizeAreRefused() throws {
    let folder = TemporaryFolder.make("disarm-workbook")
    defer { try? FileManager.default.removeItem(at: folder) }
    let book = folder.appendingPathComponent("book.xlsx")
    // Padded beyond the size from which a sheet is filtered on another core than the one inflating it.
    let rows = (1...400_000).map { "<row r=\"\($0)\" ht=\"15.6\"/>" }.joined()
    try Self.workbook(
      book,
      sheet: "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
        + rows + "</sheetData></worksheet>")
    #expect(try Workbook.read(path: book.path).sheets.first?.rows.count == 1)
    for (part, field, size, message) in [
      ("xl/worksheets/sheet1.xml", "uncompressed", 1000, "inflates beyond the size its zip entry declares"),
      ("xl/worksheets/sheet1.xml", "uncompressed", 9_000_000, "inflates beyond the size its zip entry declares"),
      ("xl/workbook.xml", "uncompressed", 10, "inflates beyond the size its zip entry declares"),
      ("xl/worksheets/sheet1.xml", "compressed", 40, "its compressed data is damaged"),
      ("xl/workbook.xml", "compressed", 10, "its compressed data is damaged"),
    ] {
      let copy = folder.appendingPathComponent("lying.xlsx")
      try Self.lying(book, part: part, field: field, size: size, to: copy)
      do {
        _ = try Workbook.read(path: copy.path)
        Issue.record("\(part) with a \(field) size of \(size) was read")
      } catch {
        #expect(error.message.contains(part) && error.message.contains(message), "\(error)")
      }
    }
  }
}
