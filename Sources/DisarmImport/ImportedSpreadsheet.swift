import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmSupport
import DisarmWorkbook

/// A framework's master spreadsheet (and, where given, its data workbook) as records: every record kind the
/// framework's description places (``WorkbookSheet``), read into ``SheetRecords``, with the sheets it names but the
/// workbooks lack.
struct ImportedSpreadsheet: Sendable {
  var framework: FrameworkDescription
  /// Records by record name (`technique`, `incident-technique`), for the sheets found.
  var records: [String: SheetRecords]
  /// Record kinds whose sheet is in neither workbook, with the workbook it was looked for in and the sheet's name.
  var missingSheets: [(record: String, file: String, sheet: String)]

  /// Reads every record kind of `framework` from `main`, the data records (``WorkbookSheet/dataRecords``) from `data`
  /// first when given.
  init(framework: FrameworkDescription, main: (file: String, book: Workbook), data: (file: String, book: Workbook)?) {
    self.framework = framework
    var found: [(name: String, layout: WorkbookSheet, sheet: Workbook.Sheet, file: String)] = []
    var missing: [(String, String, String)] = []
    for (name, _) in WorkbookSheet.records {
      guard let layout = framework.workbook[name] else { continue }
      let isData = WorkbookSheet.dataRecords.contains(name)
      let sources = isData ? [data, main].compactMap { $0 } : [main]
      if let (file, sheet) = sources.lazy.compactMap({ source in
        source.book.sheet(layout.sheet).map { (source.file, $0) }
      })
      .first {
        found.append((name, layout, sheet, file))
      } else {
        missing.append((name, (isData ? data?.file : nil) ?? main.file, layout.sheet))
      }
    }
    // Each sheet's records are read on all cores: they do not depend on one another.
    let read = ParallelMap.map(found) { SheetRecords(name: $0.name, layout: $0.layout, sheet: $0.sheet, file: $0.file) }
    var byName: [String: SheetRecords] = [:]
    for (sheet, sheetRecords) in zip(found, read) { byName[sheet.name] = sheetRecords }
    self.records = byName
    self.missingSheets = missing
  }

  /// The records of `name`, or none.
  func rows(_ name: String) -> [SheetRecords.Record] { records[name]?.records ?? [] }

  /// The diagnostic location of a record's cell: `DISARM_FRAMEWORKS_MASTER.xlsx:techniques!C214`.
  func location(_ record: SheetRecords.Record, _ fact: String, in name: String) -> String {
    "\(records[name]?.file ?? ""):\(record.cell(fact))"
  }

  /// The object kind a record name stands for (`technique`), nil for the cross-reference records.
  static func kind(ofRecord name: String) -> ObjectKind? { ObjectKind(rawValue: name) }

  /// The identifier a record's `id` cell holds, exactly as written, if it is one of `kind`. DISARM's generator
  /// matched cells exactly: `T0039 ` is no technique to a counter naming `T0039` (see ``rowsAsWritten(of:)``).
  func identifier(_ text: String, of kind: ObjectKind) -> DisarmID? {
    guard let id = DisarmID(text, in: framework.identifiers), id.kind == kind else { return nil }
    return id
  }

  /// The identifier a cell holds once the spaces around it are trimmed, if it is one of `kind`.
  func trimmedIdentifier(_ text: String, of kind: ObjectKind) -> DisarmID? {
    identifier(text.trimmingWhitespace(), of: kind)
  }

  /// A row of an object sheet that DISARM's generator wrote under its identifier cell's text although that is not
  /// a valid identifier: the page `techniques/T0039 .md`, or `incidents/.md` for a row without one.
  struct RowAsWritten: Sendable {
    /// 1-based row number in the sheet.
    var row: Int
    /// The identifier cell's text as written (`T0039 `, or empty).
    var idText: String
    /// The row's facts; nil for a row of pandas' frame with no value in any fact's column.
    var record: SheetRecords.Record?
    /// The valid identifier inside `idText` (`T0039`), if any.
    var trimmed: DisarmID?
  }

  /// The rows of `kind`'s sheet that DISARM's generator wrote as they were although their identifier is not one, in
  /// sheet order: an identifier with spaces around it (every generator wrote `T0039 .md`) and, where the framework's
  /// generator did (``WorkbookSheet/RowsWithoutID/page``), every row without an identifier, blank or not.
  func rowsAsWritten(of kind: ObjectKind) -> [RowAsWritten] {
    var found: [RowAsWritten] = []
    let writesRowsWithoutID = framework.rowsWithoutID == .page
    for record in rows(kind.rawValue) {
      let text = record["id"]
      let trimmed = text.trimmingWhitespace()
      if trimmed.isEmpty {
        if writesRowsWithoutID { found.append(RowAsWritten(row: record.row, idText: "", record: record)) }
      } else if trimmed != text, let id = identifier(trimmed, of: kind) {
        found.append(RowAsWritten(row: record.row, idText: text, record: record, trimmed: id))
      }
    }
    if writesRowsWithoutID {
      for row in records[kind.rawValue]?.blankRows ?? [] { found.append(RowAsWritten(row: row, idText: "")) }
    }
    return found.sorted { $0.row < $1.row }
  }

  /// The identifiers of every record of `kind` that has a valid one.
  func identifiers(of kind: ObjectKind) -> Set<DisarmID> {
    Set(rows(kind.rawValue).compactMap { identifier($0["id"], of: kind) })
  }
}
