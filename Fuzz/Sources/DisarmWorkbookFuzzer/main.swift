// libFuzzer entry point for the workbook reader (`scripts/fuzz-workbook.sh`). The first byte of an input chooses
// what the rest is: a whole xlsx file (zip and all), or one part given to the reader without the zip (a worksheet,
// the shared strings, the styles, the workbook part), so that most of the fuzzing time goes to the XML reading
// this project wrote rather than to failing CRC checks. Any outcome but a crash, a hang or a memory error is fine:
// the reader either returns cells or a `WorkbookError`.

import CFuzzerDriver
import DisarmWorkbook
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let workbookPart = Array(
  #"<workbook xmlns:r="r"><sheets><sheet name="techniques" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8)
let relations = Array(
  #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)
let emptySheet = Array("<worksheet><sheetData/></worksheet>".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data, size > 0 else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  switch data[0] % 5 {
  case 0:
    // A whole file: written out, because the reader takes a path as `disarm import` does.
    // Written with POSIX calls: Foundation's path handling leaks a little on Linux with every call.
    let path = "/tmp/disarm-fuzz-\(getpid()).xlsx"
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    if descriptor >= 0 {
      _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      close(descriptor)
      _ = try? Workbook.read(path: path)
      unlink(path)
    }
  case 1:
    _ = try? Workbook.read(
      parts: [
        "xl/workbook.xml": workbookPart, "xl/_rels/workbook.xml.rels": relations, "xl/worksheets/sheet1.xml": bytes,
      ],
      path: "fuzz.xlsx")
  case 2:
    _ = try? Workbook.read(
      parts: [
        "xl/workbook.xml": workbookPart, "xl/_rels/workbook.xml.rels": relations,
        "xl/worksheets/sheet1.xml": Array(
          #"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"#.utf8),
        "xl/sharedStrings.xml": bytes,
      ], path: "fuzz.xlsx")
  case 3:
    _ = try? Workbook.read(
      parts: [
        "xl/workbook.xml": workbookPart, "xl/_rels/workbook.xml.rels": relations,
        "xl/worksheets/sheet1.xml": Array(
          #"<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>43784</v></c></row></sheetData></worksheet>"#.utf8),
        "xl/styles.xml": bytes,
      ], path: "fuzz.xlsx")
  default:
    _ = try? Workbook.read(
      parts: [
        "xl/workbook.xml": bytes, "xl/_rels/workbook.xml.rels": relations, "xl/worksheets/sheet1.xml": emptySheet,
      ],
      path: "fuzz.xlsx")
  }
  return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
