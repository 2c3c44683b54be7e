import DisarmDiagnostics
import DisarmFramework
import DisarmModel

/// Two rows of a sheet with the same identifier, reported at the second with a note at the first.
enum DuplicateIdentifierCheck: SpreadsheetCheck {
  static let description = RuleDescription(
    category: .structure,
    id: RuleID("sheet-duplicate-id"), severity: .error,
    summary: "Two rows of a sheet give the same identifier.",
    explanation: """
      One identifier is one page: with two rows, DISARM's generator wrote the page twice and kept whichever came \
      last, and listed the object twice in its index. Give one of the rows a new identifier (`disarm new` picks the \
      next free one for a page tree) or merge the rows.
      """)

  static let examples = [
    SpreadsheetExample(
      triggers: true, note: "Two rows of the techniques sheet give T0007.",
      sheets: [
        "techniques": [
          ExampleSheets.techniques,
          ["T0007", "Create Inauthentic Social Media Pages and Groups", "TA15", "Create key social media assets."],
          ["↓T0007", "Create Fake Profiles", "TA15", "Create accounts that look like real people."],
        ]
      ]),
    SpreadsheetExample(
      triggers: false, note: "The second row has an identifier of its own.",
      sheets: [
        "techniques": [
          ExampleSheets.techniques,
          ["T0007", "Create Inauthentic Social Media Pages and Groups", "TA15", "Create key social media assets."],
          ["T0008", "Create Fake Profiles", "TA15", "Create accounts that look like real people."],
        ]
      ]),
  ]

  static func check(_ spreadsheet: ImportedSpreadsheet) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for (name, _) in spreadsheet.framework.workbook.sorted(by: { $0.key < $1.key }) {
      guard let kind = ImportedSpreadsheet.kind(ofRecord: name) else { continue }
      var first: [DisarmID: SheetRecords.Record] = [:]
      for record in spreadsheet.rows(name) {
        guard let id = spreadsheet.identifier(record["id"], of: kind) else { continue }
        if let earlier = first[id] {
          let location = spreadsheet.location(record, "id", in: name)
          let earlierLocation = spreadsheet.location(earlier, "id", in: name)
          findings.append(
            finding(
              location, "\(id) is given twice (first at \(earlier.cell("id")))",
              notes: [DiagnosticNote(file: earlierLocation, message: "\(id) is first given here")]))
        } else {
          first[id] = record
        }
      }
    }
    return findings
  }
}
