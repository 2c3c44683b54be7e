import DisarmDiagnostics
import DisarmFramework
import DisarmModel

/// A row whose identifier is not one of its sheet's kind.
///
///     DISARM_FRAMEWORKS_MASTER.xlsx:techniques!A31: error: 'T12' is not a technique identifier (like T0001) [sheet-bad-id]
///     DISARM_FRAMEWORKS_MASTER.xlsx:techniques!A32: error: the row has no identifier ('Bait influencers') [sheet-bad-id]
enum BadIdentifierCheck: SpreadsheetCheck {
  static let description = RuleDescription(
    id: RuleID("sheet-bad-id"), severity: .error,
    summary: "A spreadsheet row's identifier is missing or not an identifier of its sheet's kind.",
    explanation: """
      Every object's page is named after its identifier, so a row without one, or with one of the wrong shape \
      (`T12`, `TA07` in the techniques sheet, `T0001 ` is only a warning), has no page to go to: DISARM's generator \
      wrote such a row to `techniques/.md`. Give the row its identifier, or delete it.
      """)

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
