/// RFC 4180 records read one at a time from a file's bytes, each field a range of those bytes with its row and
/// column, under ``IncidentInputBounds`` (columns per record, bytes per field, records per file).
///
/// The project writes CSV (`CSVTable` in DisarmRegeneration) but had no reader. This one is small and works on bytes
/// so that a dataset of 10,000 incidents by 400 technique columns is read without a `String` per cell (a technique
/// cell is compared as bytes), and so that every bound is checked while reading, before a hostile file is held as
/// millions of values: a header of a million columns stops at the 10,001st.
///
/// Fields are separated by `,` (or the ``delimiter`` given: `;` or a tab, as spreadsheets write CSV in locales whose
/// decimal separator is a comma) and records by CR LF, LF or CR. A field that starts with `"` is quoted: it runs to
/// the next `"` not doubled, and may hold delimiters, line breaks and `""` (one `"`). A `"` inside an unquoted field is
/// kept as text, as spreadsheets read it. Positions are spreadsheet ones: the row is the record's number (the header
/// is row 1), whatever line breaks quoted fields hold, and the column the field's number, both from 1. A byte-order
/// mark at the start is skipped.
struct CSVRecordReader {
  /// One field: where its text is in the file's bytes.
  struct Field {
    /// The text's bytes, inside the quotes for a quoted field.
    var range: Range<Int>
    /// A quoted field whose text holds doubled quotes, to be undoubled when it is read as text.
    var hasDoubledQuotes: Bool
  }

  /// One record: its row (from 1) and its fields, in order.
  struct Record {
    var row: Int
    var fields: [Field]
  }

  /// Why reading stopped, with where (row and column from 1).
  struct Failure: Error {
    var row: Int
    var column: Int
    var message: String
  }

  let bytes: [UInt8]
  /// The byte between fields: `,`, `;` or a tab.
  let delimiter: UInt8
  private var offset: Int
  private var row = 0

  init(bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) {
    self.bytes = bytes
    self.delimiter = delimiter
    offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
  }

  /// The next record, nil at the end of the file. A final line break ends the last record and starts none.
  mutating func next() throws(Failure) -> Record? {
    guard offset < bytes.count else { return nil }
    row += 1
    guard row <= IncidentInputBounds.maximumCSVRows else {
      throw Failure(row: row, column: 1, message: "more than \(IncidentInputBounds.maximumCSVRows) rows")
    }
    var fields: [Field] = []
    while true {
      let column = fields.count + 1
      guard column <= IncidentInputBounds.maximumCSVColumns else {
        throw Failure(
          row: row, column: column, message: "more than \(IncidentInputBounds.maximumCSVColumns) columns in a row")
      }
      let field = try readField(column: column)
      guard field.range.count <= IncidentInputBounds.maximumTextBytes else {
        throw Failure(
          row: row, column: column,
          message: "a cell longer than \(IncidentInputBounds.maximumTextBytes) bytes")
      }
      fields.append(field)
      // After a field: a delimiter (another field follows), a line break or the end (the record ends).
      guard offset < bytes.count else { return Record(row: row, fields: fields) }
      switch bytes[offset] {
      case delimiter:
        offset += 1
      case 13:
        offset += offset + 1 < bytes.count && bytes[offset + 1] == 10 ? 2 : 1
        return Record(row: row, fields: fields)
      case 10:
        offset += 1
        return Record(row: row, fields: fields)
      default:
        throw Failure(row: row, column: column, message: "text after the closing quote of a quoted cell")
      }
    }
  }

  /// One field from `offset`, leaving `offset` on the byte after it (a delimiter, a line break or the end).
  private mutating func readField(column: Int) throws(Failure) -> Field {
    let start = offset
    guard start < bytes.count, bytes[start] == UInt8(ascii: "\"") else {
      var end = start
      while end < bytes.count, bytes[end] != delimiter, bytes[end] != 10, bytes[end] != 13 {
        end += 1
        // Checked as it goes, so that a hostile cell is refused at its bound rather than at the end of the file.
        if end - start > IncidentInputBounds.maximumTextBytes { break }
      }
      offset = end
      return Field(range: start..<end, hasDoubledQuotes: false)
    }
    var index = start + 1
    var doubled = false
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "\"") {
        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
          doubled = true
          index += 2
          continue
        }
        offset = index + 1
        return Field(range: (start + 1)..<index, hasDoubledQuotes: doubled)
      }
      index += 1
      if index - start > IncidentInputBounds.maximumTextBytes + 2 {
        offset = index
        return Field(range: (start + 1)..<index, hasDoubledQuotes: doubled)
      }
    }
    throw Failure(row: row, column: column, message: "a quoted cell is never closed (a \" is missing)")
  }

  /// The text of `field`, nil when its bytes are not UTF-8.
  func text(of field: Field) -> String? {
    let slice = bytes[field.range]
    guard let text = String(validating: slice, as: UTF8.self) else { return nil }
    return field.hasDoubledQuotes ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
  }

  /// Whether `field` holds exactly `expected` (ASCII), compared as bytes.
  func field(_ field: Field, is expected: StaticString) -> Bool {
    guard field.range.count == expected.utf8CodeUnitCount, !field.hasDoubledQuotes else { return false }
    return expected.withUTF8Buffer { bytes[field.range].elementsEqual($0) }
  }
}
