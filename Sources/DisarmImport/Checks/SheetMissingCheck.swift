import DisarmDiagnostics
import DisarmFramework

/// A sheet the framework's description places a kind in is not in the workbook, reported about the workbook as a
/// whole. The framework's own sheets must all be there; the data workbook's (incidents and their techniques, associated
/// techniques, references) may be absent, and then the incident pages already in the folder are kept as they are.
enum SheetMissingCheck: SpreadsheetCheck {
  static let description = RuleDescription(
    category: .structure,
    id: RuleID("sheet-missing"), severity: .error,
    summary: "A sheet the framework keeps a kind of object in is not in the workbook.",
    explanation: """
      The framework's description (its `workbook:` section) names the sheet each kind of object is kept in: DISARM's \
      master spreadsheet has `phases`, `tactics`, `techniques`, `tasks`, `countermeasures`, `actortypes`, \
      `metatechniques`, `responsetypes` and `detections`. Without one of them the import cannot know that kind's \
      objects, so nothing is written. Restore the sheet (or its name), or import with the framework description that \
      matches the workbook (`--framework`). Incidents live in DISARM's data workbook (`--data`); when it is not given, \
      the incident pages already in the folder are kept as they are.
      """)

  static let examples = [
    SpreadsheetExample(
      triggers: true, note: "The workbook has every sheet of the framework but `techniques`.",
      sheets: ExampleSheets.frameworkSheets(except: "techniques"), wholeWorkbook: true),
    SpreadsheetExample(
      triggers: false,
      note: "Every sheet of the framework is there; the data workbook's sheets (incidents) may be absent.",
      sheets: ExampleSheets.frameworkSheets()),
  ]

  static func check(_ spreadsheet: ImportedSpreadsheet) -> [Diagnostic] {
    spreadsheet.missingSheets.filter { !WorkbookSheet.dataRecords.contains($0.record) }.map { missing in
      let words =
        spreadsheet.framework.kind(ObjectKind(rawValue: missing.record) ?? .technique)?.plural ?? missing.record
      return finding(missing.file, "no sheet '\(missing.sheet)' (the framework keeps its \(words) there)")
    }
  }
}
