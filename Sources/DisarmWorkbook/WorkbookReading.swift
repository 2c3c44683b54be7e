/// One workbook being read: its parts inflated, its shared strings, styles and sheets read, as tasks that run beside
/// those of other workbooks (``OrderedTasks``), with the outcome a reading in order gives.
///
/// Read in order, a workbook's parts are inflated one after the other, each refused if its entry declares more than
/// what is left of the budget after the parts before it; then its sheets are scanned. Here the parts are inflated
/// side by side, which gives the same outcome whenever every part fits the budget counted with the sizes the
/// entries declare (no part inflates beyond its declared size, so the exact count can only leave more): then no part
/// can be refused for the budget, and the first error in the order of a reading in order is the error. A workbook
/// whose declared sizes do not fit (a zip bomb, or a file near the bound) is read in order instead.
final class WorkbookReading: @unchecked Sendable {
  static let sharedStringsPart = "xl/sharedStrings.xml"
  static let stylesPart = "xl/styles.xml"

  let reader: PartReader
  let only: Set<String>?

  /// The sheets in workbook order, with their parts and whether they are read.
  private var listed: Result<[(name: String, part: String, wanted: Bool)], WorkbookError>?
  /// What each task found, written by that task alone.
  private var sharedStrings: Result<[String], WorkbookError>?
  private var styles: Result<CellStyles, WorkbookError>?
  private var sheetBytes = OrderedTasks.Slots<Result<[UInt8], WorkbookError>>(count: 0)
  private var sheetRows = OrderedTasks.Slots<Result<[Workbook.Row], WorkbookError>>(count: 0)
  /// The budget each part may use, counted with the declared sizes of the parts before it.
  private var sheetBudgets: [Int] = []
  /// Whether the parts are read side by side (known after ``prepare()``); if not, the workbook is read in order.
  private(set) var sideBySide = false

  init(_ reader: PartReader, only: Set<String>?) {
    self.reader = reader
    self.only = only
  }

  /// Lists the sheets (a small part, read first: it says which parts there are to read) and tells whether the parts
  /// can be read side by side.
  func prepare() {
    let budget = reader.budget
    let sharedSize = reader.declaredSize(of: Self.sharedStringsPart) ?? 0
    let stylesSize = reader.declaredSize(of: Self.stylesPart) ?? 0
    guard sharedSize <= budget, stylesSize <= budget - sharedSize else { return }
    var left = budget - sharedSize - stylesSize
    // The workbook part and its relationships are read from a copy of the reader, as in order: their sizes are not
    // taken from the budget the sheets share.
    let workbookSize = reader.declaredSize(of: WorkbookParts.workbookPart) ?? 0
    let relationsSize = reader.declaredSize(of: WorkbookParts.relationsPart) ?? 0
    guard workbookSize <= left, relationsSize <= left - workbookSize else { return }
    var listing = reader
    listing.budget = left
    listed = Result { () throws(WorkbookError) in
      try WorkbookParts.sheets(in: listing, path: reader.path).map { sheet in
        (sheet.name, sheet.part, only.map { $0.contains(sheet.name) } ?? true)
      }
    }
    if case .success(let sheets) = listed {
      for sheet in sheets where sheet.wanted {
        let size = reader.declaredSize(of: sheet.part) ?? 0
        guard size <= left else { return }
        sheetBudgets.append(left)
        left -= size
      }
      sheetBytes = OrderedTasks.Slots(count: sheets.count)
      sheetRows = OrderedTasks.Slots(count: sheets.count)
    }
    sideBySide = true
  }

  /// A task that inflates a part, with its size for ordering the largest first. A sheet of at least
  /// ``pipelineSize`` bytes is inflated by `run` and filtered by `filter` as it comes, on another core
  /// (``FilterPipeline``): `filter` waits for pieces, never for `run` to finish.
  struct Inflation {
    var size: Int
    var run: () -> Void
    var filter: (() -> Void)?
  }

  /// The size from which a sheet is filtered on another core than the one inflating it.
  static let pipelineSize = 8 << 20

  /// The tasks that inflate this workbook's parts and read its shared strings and styles: the shared strings, the
  /// styles, then each sheet read (in workbook order). None of them waits for another.
  func inflations() -> [Inflation] {
    precondition(sideBySide)
    let path = reader.path
    var tasks = [
      Inflation(size: reader.declaredSize(of: Self.sharedStringsPart) ?? 0) { [self] in
        sharedStrings = Result { () throws(WorkbookError) in
          try reader.inflate(Self.sharedStringsPart, within: reader.budget).map { bytes throws(WorkbookError) in
            try SharedStrings.read(bytes, path: path)
          } ?? []
        }
      },
      Inflation(size: reader.declaredSize(of: Self.stylesPart) ?? 0) { [self] in
        styles = Result { () throws(WorkbookError) in
          let budget = reader.budget - (reader.declaredSize(of: Self.sharedStringsPart) ?? 0)
          return try CellStyles.read(try reader.inflate(Self.stylesPart, within: budget), path: path)
        }
      },
    ]
    guard case .success(let sheets) = listed else { return tasks }
    var wantedIndex = 0
    for (index, sheet) in sheets.enumerated() where sheet.wanted {
      let budget = sheetBudgets[wantedIndex]
      wantedIndex += 1
      let size = reader.declaredSize(of: sheet.part) ?? 0
      if size >= Self.pipelineSize, reader.isDeflated(sheet.part) {
        let pipeline = FilterPipeline(pieceSize: PartReader.pieceSize, expecting: size)
        tasks.append(
          Inflation(
            size: size, run: { [self] in reader.inflatePieces(sheet.part, within: budget, into: pipeline) },
            filter: { [self] in
              sheetBytes[index] = Result { () throws(WorkbookError) in
                try reader.filterPiped(sheet.part, within: budget, from: pipeline)
              }
            }))
        continue
      }
      tasks.append(
        Inflation(size: size) { [self] in
          sheetBytes[index] = Result { () throws(WorkbookError) in
            guard let inflated = try reader.inflateSheet(sheet.part, within: budget) else {
              throw WorkbookError(path: path, "the workbook has no part \(sheet.part)")
            }
            return inflated.bytes
          }
        })
    }
    return tasks
  }

  /// The task that scans the sheet whose inflation ``inflations()`` gave at `position` (2 or more), after the tasks
  /// at `after` (those that read the shared strings and styles, and the sheet's own).
  func scan(ofInflationAt position: Int, after: [Int]) -> OrderedTasks.Task {
    guard case .success(let sheets) = listed else { preconditionFailure("no sheet to scan") }
    let index = sheets.indices.filter { sheets[$0].wanted }[position - 2]
    let path = reader.path
    let part = sheets[index].part
    return OrderedTasks.Task(after: after) { [self] in
      guard case .success(let bytes) = sheetBytes[index], case .success(let strings) = sharedStrings,
        case .success(let styles) = styles
      else { return }
      sheetRows[index] = Result { () throws(WorkbookError) in
        try SheetReader.rows(bytes, sharedStrings: strings, styles: styles, path: path, part: part)
      }
    }
  }

  /// The workbook, or the first error in the order of a reading in order.
  func outcome() -> Result<Workbook, WorkbookError> {
    guard sideBySide else { return Result { () throws(WorkbookError) in try readInOrder() } }
    return Result { () throws(WorkbookError) in
      _ = try sharedStrings!.get()
      _ = try styles!.get()
      let sheets = try listed!.get()
      for index in sheets.indices where sheets[index].wanted { _ = try sheetBytes[index]!.get() }
      return Workbook(
        sheets: try sheets.indices.map { index throws(WorkbookError) in
          Workbook.Sheet(name: sheets[index].name, rows: sheets[index].wanted ? try sheetRows[index]!.get() : [])
        })
    }
  }

  /// The reading in order: each part inflated after the one before, within what is left of the budget.
  private func readInOrder() throws(WorkbookError) -> Workbook {
    var parts = reader
    let path = parts.path
    let sharedStrings =
      try parts.optional(Self.sharedStringsPart).map { bytes throws(WorkbookError) in
        try SharedStrings.read(bytes, path: path)
      } ?? []
    let styles = try CellStyles.read(try parts.optional(Self.stylesPart), path: path)
    var listed: [(name: String, part: String, bytes: [UInt8]?)] = []
    for (name, part) in try WorkbookParts.sheets(in: parts, path: path) {
      guard only.map({ $0.contains(name) }) ?? true else {
        listed.append((name, part, nil))
        continue
      }
      guard let inflated = try parts.inflateSheet(part, within: parts.budget) else {
        throw WorkbookError(path: path, "the workbook has no part \(part)")
      }
      parts.budget -= inflated.inflated
      listed.append((name, part, inflated.bytes))
    }
    let rows = OrderedTasks.Slots<Result<[Workbook.Row], WorkbookError>>(count: listed.count)
    OrderedTasks.run(
      listed.indices.map { index in
        OrderedTasks.Task(after: []) {
          guard let bytes = listed[index].bytes else { return }
          rows[index] = Result { () throws(WorkbookError) in
            try SheetReader.rows(
              bytes, sharedStrings: sharedStrings, styles: styles, path: path, part: listed[index].part)
          }
        }
      })
    return Workbook(
      sheets: try listed.indices.map { index throws(WorkbookError) in
        Workbook.Sheet(name: listed[index].name, rows: try rows[index]?.get() ?? [])
      })
  }
}
