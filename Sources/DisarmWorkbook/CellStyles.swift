/// Which cell styles show a number as a date: the styles part's cell formats (`cellXfs`), each pointing at a number
/// format, built-in (14–22, 45–47 are dates and times) or custom (a format code with day, month, year or hour
/// letters outside quotes and brackets). A spreadsheet program, openpyxl and pandas read such cells as dates; so
/// must the import, or `Date added` would read 43784 instead of 2019-11-15.
struct CellStyles {
  /// For each style index, whether it formats numbers as dates.
  var isDate: [Bool]

  static func read(_ bytes: [UInt8]?, path: String) throws(WorkbookError) -> CellStyles {
    guard let bytes else { return CellStyles(isDate: []) }
    var custom: [Int: String] = [:]
    var formats: [Int] = []
    var inCellFormats = false
    try WorkbookParts.scan(bytes, path: path, part: "xl/styles.xml") { event in
      switch event {
      case .start(let name, let attributes, let selfClosing):
        switch WorkbookParts.local(name) {
        case "numFmt":
          if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
            custom[id] = code
          }
        case "cellXfs": inCellFormats = !selfClosing
        case "xf" where inCellFormats: formats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
      case .end(let name):
        if WorkbookParts.local(name) == "cellXfs" { inCellFormats = false }
      case .text: break
      }
    }
    return CellStyles(isDate: formats.map { id in custom[id].map(isDateCode) ?? builtInDates.contains(id) })
  }

  static let builtInDates: Set<Int> = [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]

  /// Whether a custom format code shows a date or time.
  static func isDateCode(_ code: String) -> Bool {
    var inQuotes = false
    var inBrackets = false
    var previous: Character = " "
    for character in code {
      defer { previous = character }
      if previous == "\\" { continue }
      switch character {
      case "\"": inQuotes.toggle()
      case "[": inBrackets = true
      case "]": inBrackets = false
      case "d", "D", "m", "M", "y", "Y", "h", "H", "s", "S":
        if !inQuotes && !inBrackets { return true }
      default: break
      }
    }
    return false
  }

  /// An Excel serial day number as Python's `str(datetime)` writes it (`2019-11-15 00:00:00`), the 1900 date system
  /// with its missing 29 February 1900 accounted as openpyxl does.
  static func dateText(serial: Double) -> String? {
    guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
    var days = Int(serial.rounded(.down))
    var seconds = Int(((serial - Double(days)) * 86_400).rounded())
    if seconds >= 86_400 {
      days += 1
      seconds -= 86_400
    }
    // Days from 1899-12-30 (1899-12-31 below day 60, before Excel's phantom 1900-02-29).
    let fromEpoch = days < 60 ? days + 1 : days
    let (year, month, day) = civil(fromDays: fromEpoch - 25_569)  // 1899-12-30 is 25 569 days before 1970-01-01.
    func pad(_ value: Int, _ width: Int = 2) -> String {
      String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
    }
    return
      "\(pad(year, 4))-\(pad(month))-\(pad(day)) \(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))"
  }

  /// The civil date of a day count from 1970-01-01 (Howard Hinnant's algorithm).
  static func civil(fromDays count: Int) -> (Int, Int, Int) {
    let z = count + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
