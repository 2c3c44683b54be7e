import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The system's `open` and `read`, which `Workbook`'s own `open` and `read` hide inside it.
private func systemOpen(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}

/// An xlsx workbook as the DISARM Foundation keeps its frameworks (`DISARM_FRAMEWORKS_MASTER.xlsx`): its sheets in
/// workbook order, each with the rows that hold at least one value. Read with ``ZipDirectory`` and zlib (the zip,
/// ``PartInflation``) and ``XMLScanner`` (the parts), under a memory bound: no part may inflate beyond what its directory entry says, and
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
    try read(paths: [path], only: only)[0].get()
  }

  /// Reads the workbooks at `paths` together (DISARM's framework workbook and its data workbook), each as
  /// ``read(path:only:)`` would: their parts are inflated and scanned on all cores, the largest first, so that the
  /// data workbook's 28 MB sheet is inflated on one core while the other reads everything else.
  public static func read(paths: [String], only: Set<String>? = nil) -> [Result<Workbook, WorkbookError>] {
    // Each file is read and its zip directory found on a core of its own.
    let readers = UnsafeMutableBufferPointer<Result<PartReader, WorkbookError>>.allocate(capacity: paths.count)
    defer { readers.deallocate() }
    nonisolated(unsafe) let slots = readers
    DispatchQueue.concurrentPerform(iterations: paths.count) { index in
      (slots.baseAddress! + index).initialize(to: Result { () throws(WorkbookError) in try open(paths[index]) })
    }
    let opened = Array(readers)
    _ = readers.baseAddress!.deinitialize(count: paths.count)
    return read(opened, only: only)
  }

  /// Reads a workbook from its parts already out of the zip (`xl/workbook.xml`, `xl/worksheets/sheet1.xml`, …):
  /// for tests and the fuzzer, which exercise the XML reading without the zip around it.
  public static func read(parts: [String: [UInt8]], path: String) throws(WorkbookError) -> Workbook {
    try read([.success(PartReader(source: .parts(parts), path: path, budget: Int.max))], only: nil)[0].get()
  }

  /// The file's parts, found through its zip directory, with its budget.
  private static func open(_ path: String) throws(WorkbookError) -> PartReader {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      throw WorkbookError(path: path, "no such file, or not a file")
    }
    let size = Int(info.st_size)
    guard size <= 1 << 31, let bytes = readFile(path) else {
      throw WorkbookError(path: path, "cannot be read")
    }
    let directory: ZipDirectory
    do {
      directory = try ZipDirectory(bytes)
    } catch {
      throw WorkbookError(path: path, "not an xlsx workbook, or a damaged one (\(error.reason))")
    }
    return PartReader(source: .zip(bytes, directory), path: path, budget: inflationBudget(forFileOfSize: size))
  }

  /// The whole file, read with `fstat` and `read` into an array of its size (Foundation's read and the copy out of
  /// its `Data` took a tenth of an import's reading); nil when it cannot be read.
  private static func readFile(_ path: String) -> [UInt8]? {
    let descriptor = systemOpen(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
    let size = Int(status.st_size)
    var complete = true
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      initialized = 0
      while initialized < size {
        let count = systemRead(descriptor, buffer.baseAddress! + initialized, size - initialized)
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else {
          complete = false
          return
        }
        initialized += count
      }
    }
    return complete ? bytes : nil
  }

  /// Reads the workbooks side by side. First every part inflation of every workbook, the largest first (none waits
  /// for another); then the filtering of the sheets inflated piece by piece (running beside their inflation, which
  /// started first); then the scans of the sheets (each after its part, shared strings and styles). So while one
  /// core inflates DISARM's 28 MB sheet, the other inflates and reads everything else, then filters that sheet's
  /// pieces, and the first core, once done, scans the sheets. A workbook whose declared sizes do not fit its budget
  /// is read in order, alone.
  private static func read(_ readers: [Result<PartReader, WorkbookError>], only: Set<String>?)
    -> [Result<Workbook, WorkbookError>]
  {
    let readings = readers.map { reader in reader.map { WorkbookReading($0, only: only) } }
    var inflations: [(book: WorkbookReading, position: Int, task: WorkbookReading.Inflation)] = []
    var books: [WorkbookReading] = []
    for case .success(let reading) in readings {
      reading.prepare()
      guard reading.sideBySide else { continue }
      books.append(reading)
      inflations += reading.inflations().enumerated().map { (reading, $0.offset, $0.element) }
    }
    inflations.sort { $0.task.size > $1.task.size }
    var tasks = inflations.map { OrderedTasks.Task(after: [], run: $0.task.run) }
    func runsAt(_ book: WorkbookReading, _ position: Int) -> Int {
      inflations.firstIndex { $0.book === book && $0.position == position }!
    }
    var filtered: [(book: WorkbookReading, position: Int, filterAt: Int)] = []
    for inflation in inflations {
      guard let filter = inflation.task.filter else { continue }
      filtered.append((inflation.book, inflation.position, tasks.count))
      tasks.append(OrderedTasks.Task(after: [], run: filter))
    }
    for book in books {
      for (index, inflation) in inflations.enumerated()
      where inflation.book === book && inflation.position >= 2 && inflation.task.filter == nil {
        tasks.append(
          book.scan(
            ofInflationAt: inflation.position, after: [runsAt(book, 0), runsAt(book, 1), index]))
      }
    }
    for sheet in filtered {
      tasks.append(
        sheet.book.scan(
          ofInflationAt: sheet.position, after: [runsAt(sheet.book, 0), runsAt(sheet.book, 1), sheet.filterAt]))
    }
    OrderedTasks.run(tasks)
    return readings.map { reading in reading.flatMap { $0.outcome() } }
  }
}
