// What one libFuzzer input exercises.
//
// The first byte of an input chooses what the rest is parsed as: one of the eight object page kinds (read by
// `PageParser`) or one of the whole-knowledge-base page roles (read by `WholePage`). Besides crashes, hangs and
// memory errors, the target checks what the parser promises in docs/PAGE-FORMAT.md: every part it returns is an
// exact slice of the input, with positions inside the file, and the notes are the input's tail byte for byte.

import DisarmDiagnostics
import DisarmFramework
import DisarmParser

/// The roles a fuzz input can take, indexed by its first byte (modulo the count).
let roles: [Role] =
  ObjectKind.pageKinds.map { Role.object($0) }
  + [
    .whole(.framework(red: true)), .whole(.framework(red: false)), .whole(.index(.responseType)),
    .whole(.index(.detection)),
  ]
  + ObjectKind.pageKinds.map { Role.whole(.index($0)) }
  + [ObjectKind.tactic, .metatechnique].map { Role.whole(.responseTypeTable($0)) }

enum Role {
  case object(ObjectKind)
  case whole(WholePage.Role)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data, size > 0 else { return 0 }
  let selector = Int(data[0])
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  switch roles[selector % roles.count] {
  case .object(let kind):
    let path = "\(kind.folder)/fuzz.md"
    let page = PageParser.parse(path: path, kind: kind, bytes: bytes, framework: BuiltInFrameworks.standard)
    check(page, bytes: bytes)
  case .whole(let role):
    let page = WholePage.parse(path: "fuzz_index.md", role: role, bytes: bytes)
    if let title = page.title { checkSlice(title, bytes, "title") }
    for row in page.table.rows {
      checkPosition(row.start, bytes, "HTML row")
      for cell in row.cells { checkSlice(cell.source, bytes, "HTML cell") }
    }
    checkEncoding(page.file, bytes)
  }
  return 0
}

/// Every part of an object page is an exact slice of the input.
func check(_ page: ObjectPage, bytes: [UInt8]) {
  if let heading = page.heading {
    checkSlice(heading.line, bytes, "heading")
    for part in [heading.kindWord, heading.identifier, heading.name] { if let part { checkSlice(part, bytes, "heading part") } }
  }
  for field in page.fields {
    checkSlice(field.value, bytes, "field value")
    if let separator = field.separator { checkSlice(separator, bytes, "field separator") }
    checkPosition(field.start, bytes, "field start")
  }
  for table in page.tables {
    checkSlice(table.header, bytes, "table header")
    if let delimiter = table.delimiter { checkSlice(delimiter, bytes, "table delimiter") }
    for row in table.rows {
      checkSlice(row.source, bytes, "table row")
      for cell in row.cells { checkSlice(cell, bytes, "table cell") }
      for link in row.links {
        checkSlice(link.text, bytes, "link text")
        checkSlice(link.destination, bytes, "link destination")
        _ = link.targetFileStem
        _ = link.targetFolder
      }
    }
  }
  for text in page.otherText { checkSlice(text, bytes, "other text") }
  for reference in page.references {
    checkSlice(reference.code, bytes, "reference code")
    if let name = reference.name { checkSlice(name, bytes, "reference name") }
  }
  if let notes = page.notes {
    precondition(notes.markerOffset >= 0 && notes.markerOffset <= bytes.count, "notes marker outside the file")
    precondition(notes.tail.elementsEqual(bytes[notes.markerOffset...]), "notes are not the file's tail")
  }
  checkEncoding(page.file, bytes)
}

func checkSlice(_ text: SourceText, _ bytes: [UInt8], _ what: String) {
  let range = text.range
  checkPosition(range.start, bytes, what)
  checkPosition(range.end, bytes, what)
  precondition(range.start.offset <= range.end.offset, "\(what): range ends before it starts")
  precondition(text.text == String(decoding: bytes[range.offsets], as: UTF8.self), "\(what): text is not its source slice")
}

func checkPosition(_ position: SourcePosition, _ bytes: [UInt8], _ what: String) {
  precondition(position.offset >= 0 && position.offset <= bytes.count, "\(what): offset \(position.offset) outside the file")
  precondition(position.line >= 1 && position.column >= 1, "\(what): position \(position) is not 1-based")
}

/// The encoding facts the `binary-content` and `invalid-utf8` rules read point inside the file.
func checkEncoding(_ file: SourceFile, _ bytes: [UInt8]) {
  if let nul = file.firstNULOffset { precondition(nul < bytes.count && bytes[nul] == 0, "NUL offset is not a NUL") }
  if let invalid = file.firstInvalidUTF8Offset {
    precondition(invalid < bytes.count, "invalid UTF-8 offset outside the file")
    checkPosition(file.position(at: invalid), bytes, "invalid UTF-8")
  }
}
