import DisarmDiagnostics
import DisarmFramework
import DisarmModel

/// A row whose identifier is missing or not one of its sheet's kind.
enum BadIdentifierCheck: SpreadsheetCheck {
  static let description = RuleDescription(
    category: .structure,
    id: RuleID("sheet-bad-id"), severity: .error,
    summary: "A spreadsheet row's identifier is missing or not an identifier of its sheet's kind.",
    explanation: """
      Every object's page is named after its identifier, so a row without one, or with one of the wrong shape \
      (`T12`, `TA07` in the techniques sheet, `T0001 ` is only a warning), has no page to go to: DISARM's generator \
      wrote such a row to `techniques/.md`. Give the row its identifier, or delete it.
      """)

  static let examples = [
    SpreadsheetExample(
      triggers: true,
      note: "In the techniques sheet, `T12` is too short, `TA07` is a tactic's identifier, and one row has none.",
      sheets: [
        "techniques": [
          ExampleSheets.techniques,
          ["T0001", "Choose an Audience", "TA01", "Work out who the operation should reach."],
          ["↓T12", "Pick a Goal", "TA01", "Decide what the operation is for."],
          ["↓TA07", "Select Channels", "TA01", "Choose where the operation posts."],
          ["↓", "Bait influencers", "TA01", "Get known accounts to repeat the message."],
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
        if text.trimmingWhitespace().isEmpty {
          let what = record["name"].isEmpty ? "" : " ('\(record["name"])')"
          findings.append(finding(spreadsheet.location(record, "id", in: name), "the row has no identifier\(what)"))
        } else if spreadsheet.identifier(text, of: kind) == nil {
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
