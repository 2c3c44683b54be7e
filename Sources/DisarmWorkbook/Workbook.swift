import Dispatch
import Foundation
import ZIPFoundation

/// An xlsx workbook as the DISARM Foundation keeps its frameworks (`DISARM_FRAMEWORKS_MASTER.xlsx`): its sheets in
/// workbook order, each with the rows that hold at least one value. Read with ZIPFoundation (the zip) and
/// ``XMLScanner`` (the parts), under a memory bound: no part may inflate beyond what its directory entry says, and
/// all parts together beyond ten times the file's size plus 64 MiB (the whole read stays within ten times the
/// file plus 100 MiB), no text run beyond 1 MiB, no row or column outside a worksheet's grid.
public struct Workbook: Sendable {
  /// One cell value as the file stores it.
  public enum Value: Sendable, Equatable {
    /// Text: a shared string, an inline string or a formula's text result.
    case text(String)
    /// A number exactly as written in the file (`2016`, `2016.5`, `4.4000000000000004`).
    case number(String)
    case bool(Bool)
    /// An error value such as `#N/A`.
    case error(String)
    /// A number in a date format, as Python's `str(datetime)` writes it (`2019-11-15 00:00:00`).
    case date(String)
  }

  /// A cell with a value.
  public struct Cell: Sendable, Equatable {
    /// 0-based column (A is 0).
    public var column: Int
    public var value: Value
  }

  /// A row with at least one value, by its 1-based row number.
  public struct Row: Sendable, Equatable {
    public var number: Int
    public var cells: [Cell]

    /// The value in `column`, if the row has one there.
    public func value(at column: Int) -> Value? { cells.first { $0.column == column }?.value }
  }

  public struct Sheet: Sendable {
    public var name: String
    public var rows: [Row]
  }

  /// The most text one cell may hold, in UTF-8 bytes: 1 MiB, thirty times Excel's own limit of 32,767 characters,
  /// so that no real spreadsheet is refused while a hostile one cannot make a cell of hundreds of megabytes.
  public static let cellByteLimit = 1 << 20

  /// The last row and the number of columns of a worksheet (Excel's grid since 2007; LibreOffice's is the same).
  public static let lastRow = 1_048_576
  public static let lastColumn = 16_384

  /// How many bytes all parts of a file of `size` bytes may inflate to: ten times the file plus 64 MiB. Reading
  /// must stay within ten times the file plus 100 MiB of memory in all; the rest is the program's own (its code,
  /// the scanned rows).
  public static func inflationBudget(forFileOfSize size: Int) -> Int { size * 10 + 64 * 1_048_576 }

  /// The sheets, in the workbook's order.
  public var sheets: [Sheet]

  /// The sheet named `name`.
  public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

  /// Reads the workbook at `path`; with `only`, just the sheets it names (the others are listed without rows and
  /// their parts left unread: DISARM's master spreadsheet has twice as many sheets as an import needs).
  public static func read(path: String, only: Set<String>? = nil) throws(WorkbookError) -> Workbook {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      throw WorkbookError(path: path, "no such file, or not a file")
    }
    let size = Int(info.st_size)
    guard size <= 1 << 31, let data = FileManager.default.contents(atPath: path) else {
      throw WorkbookError(path: path, "cannot be read")
    }
    let bytes = [UInt8](data)
    let directory: ZipDirectory
    do {
      directory = try ZipDirectory(bytes)
    } catch {
      throw WorkbookError(path: path, "not an xlsx workbook, or a damaged one (\(error.reason))")
    }
    return try read(
      PartReader(source: .zip(bytes, directory), path: path, budget: inflationBudget(forFileOfSize: size)), only: only)
  }

  /// Reads a workbook from its parts already out of the zip (`xl/workbook.xml`, `xl/worksheets/sheet1.xml`, …):
  /// for tests and the fuzzer, which exercise the XML reading without the zip around it.
  public static func read(parts: [String: [UInt8]], path: String) throws(WorkbookError) -> Workbook {
    try read(PartReader(source: .parts(parts), path: path, budget: Int.max), only: nil)
  }

  private static func read(_ reader: PartReader, only: Set<String>?) throws(WorkbookError) -> Workbook {
    var parts = reader
    let path = parts.path
    let sharedStrings =
      try parts.optional("xl/sharedStrings.xml").map { bytes throws(WorkbookError) in
        try SharedStrings.read(bytes, path: path)
      } ?? []
    let styles = try CellStyles.read(try parts.optional("xl/styles.xml"), path: path)
    // Every sheet's part is inflated first (one after the other, within the budget), then the sheets are scanned on
    // all cores: scanning is most of a read, and sheets do not depend on one another.
    var listed: [(name: String, target: String, bytes: [UInt8]?)] = []
    for (name, target) in try WorkbookParts.sheets(in: parts, path: path) {
      let wanted = only.map { $0.contains(name) } ?? true
      listed.append((name, target, wanted ? try parts.required(target) : nil))
    }
    let results = UnsafeMutableBufferPointer<Result<[Row], WorkbookError>>.allocate(capacity: listed.count)
    defer { results.deallocate() }
    nonisolated(unsafe) let slots = results
    let sheetParts = listed
    DispatchQueue.concurrentPerform(iterations: sheetParts.count) { index in
      let (_, target, bytes) = sheetParts[index]
      let result: Result<[Row], WorkbookError>
      if let bytes {
        do throws(WorkbookError) {
          result = .success(
            try SheetReader.rows(bytes, sharedStrings: sharedStrings, styles: styles, path: path, part: target))
        } catch {
          result = .failure(error)
        }
      } else {
        result = .success([])
      }
      (slots.baseAddress! + index).initialize(to: result)
    }
    var sheets: [Sheet] = []
    for (index, part) in listed.enumerated() {
      let result = (results.baseAddress! + index).move()
      switch result {
      case .success(let rows): sheets.append(Sheet(name: part.name, rows: rows))
      case .failure(let error):
        // The first failure in workbook order, as a sequential read would report it.
        for later in (index + 1)..<listed.count { _ = (results.baseAddress! + later).move() }
        throw error
      }
    }
    return Workbook(sheets: sheets)
  }
}

/// Reads the parts of the archive, each within the size its directory entry declares and all within a budget.
struct PartReader {
  enum Source {
    case zip([UInt8], ZipDirectory)
    case parts([String: [UInt8]])
  }

  let source: Source
  let path: String
  var budget: Int

  /// The part's bytes, or nil when the archive has no such part.
  mutating func optional(_ name: String) throws(WorkbookError) -> [UInt8]? {
    let file: [UInt8]
    let entry: ZipDirectory.Entry
    switch source {
    case .parts(let parts): return parts[name]
    case .zip(let zipBytes, let directory):
      guard let found = directory.entries[name] else { return nil }
      file = zipBytes
      entry = found
    }
    let declared = entry.uncompressedSize
    guard declared <= budget else {
      throw WorkbookError(
        path: path, "\(name) would inflate to \(declared) bytes, beyond the bound for a file of this size (refused)")
    }
    let compressed = file[entry.dataOffset..<(entry.dataOffset + entry.compressedSize)]
    var bytes: [UInt8] = []
    bytes.reserveCapacity(declared)
    switch entry.method {
    case 0:
      guard compressed.count == declared else {
        throw WorkbookError(path: path, "\(name): its stored size does not match its entry (damaged)")
      }
      bytes = Array(compressed)
    case 8:
      do {
        _ = try Data.decompress(
          // Chunks of 1 MiB: DISARM's data workbook has a part that inflates to 28 MB, and 64 KiB chunks spent a
          // tenth of its reading time in per-chunk copies.
          size: Int64(compressed.count), bufferSize: 1024 * 1024, skipCRC32: true,
          provider: { position, chunk in
            // Past the entry's compressed bytes there is nothing more: a stream that has not ended by then is
            // damaged (ZIPFoundation's own extraction would wait for its end for ever).
            let start = Int(position)
            guard start < compressed.count else { throw PartDamaged() }
            let from = compressed.startIndex + start
            var data = Data(compressed[from..<min(from + chunk, compressed.endIndex)])
            // ZIPFoundation tells zlib that every chunk is `chunk` bytes long, the last one included: pad it, so
            // that inflate never reads past the buffer (an out-of-bounds read found by fuzzing). A complete stream
            // ends before the padding; a damaged one meets zeros it rejects, then this provider's end.
            if data.count < chunk { data.append(Data(count: chunk - data.count)) }
            return data
          },
          consumer: { chunk in
            // A part that inflates beyond what its entry declares is a zip bomb or a damaged archive.
            guard bytes.count + chunk.count <= declared else { throw PartTooLarge() }
            bytes += chunk
          })
      } catch is PartTooLarge {
        throw WorkbookError(path: path, "\(name) inflates beyond the size its zip entry declares (refused)")
      } catch {
        throw WorkbookError(path: path, "\(name) cannot be read: its compressed data is damaged")
      }
    default:
      throw WorkbookError(path: path, "\(name) is compressed with method \(entry.method), which xlsx files do not use")
    }
    budget -= bytes.count
    return bytes
  }

  mutating func required(_ name: String) throws(WorkbookError) -> [UInt8] {
    guard let bytes = try optional(name) else { throw WorkbookError(path: path, "the workbook has no part \(name)") }
    return bytes
  }

  struct PartTooLarge: Error {}
  struct PartDamaged: Error {}
}
