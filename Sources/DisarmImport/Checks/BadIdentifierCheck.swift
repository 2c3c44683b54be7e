import DisarmDiagnostics
import DisarmFramework
import DisarmModel

/// A row whose identifier is not one of its sheet's kind.
enum BadIdentifierCheck: SpreadsheetCheck {
  static let description = RuleDescription(
    category: .structure,
    id: RuleID("sheet-bad-id"), severity: .error,
    summary: "A spreadsheet row's identifier is not an identifier of its sheet's kind.",
    explanation: """
      Every object's page is named after its identifier, so a row whose identifier has the wrong shape (`T12`, \
      `TA07` in the techniques sheet) has no page to go to, and nothing written elsewhere can name it: the import \
      stops. (`T0001 ` with spaces around it is only a warning, `sheet-id-whitespace`; a row without an identifier \
      is `sheet-row-without-id`.) Give the row its identifier, or delete it.
      """)

  static let examples = [
    SpreadsheetExample(
      triggers: true,
      note: "In the techniques sheet, `T12` is too short and `TA07` is a tactic's identifier.",
      sheets: [
        "techniques": [
          ExampleSheets.techniques,
          ["T0001", "Choose an Audience", "TA01", "Work out who the operation should reach."],
          ["↓T12", "Pick a Goal", "TA01", "Decide what the operation is for."],
          ["↓TA07", "Select Channels", "TA01", "Choose where the operation posts."],
        ]
      ]),
    SpreadsheetExample(
      triggers: false, note: "Every row of the techniques sheet has a technique identifier.",
      sheets: [
        "techniques": [
          ExampleSheets.techniques,
          ["T0001", "Choose an Audience", "TA01", "Work out who the operation should reach."],
          ["T0002", "Pick a Goal", "TA01", "Decide what the operation is for."],
        ]
      ]),
  ]

  static func check(_ spreadsheet: ImportedSpreadsheet) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for (name, _) in spreadsheet.framework.workbook.sorted(by: { $0.key < $1.key }) {
      guard let kind = ImportedSpreadsheet.kind(ofRecord: name) else { continue }
      let words = spreadsheet.framework.kind(kind) ?? spreadsheet.framework.kinds[0]
      for record in spreadsheet.rows(name) {
        let text = record["id"]
        // Rows without an identifier are ``RowWithoutIDCheck``'s; `T0039 ` is ``IdentifierWhitespaceCheck``'s.
        if text.trimmingWhitespace().isEmpty { continue }
        if spreadsheet.trimmedIdentifier(text, of: kind) == nil {
          findings.append(
            finding(
              spreadsheet.location(record, "id", in: name),
              "'\(text)' is not \(words.singular.hasPrefix("a") ? "an" : "a") \(words.singular) identifier (like \(words.id.example))"
            ))
        }
      }
    }
    return findings
  }
}
