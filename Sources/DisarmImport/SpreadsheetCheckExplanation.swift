import DisarmDiagnostics

/// `disarm explain` for a spreadsheet check: its catalogue entry and its examples, each sheet shown as numbered rows
/// of cells, as `RuleExplanation` shows a lint rule's pages.
public enum SpreadsheetCheckExplanation {
  /// The whole explanation of the check with `id`, or nil when no spreadsheet check has that id.
  public static func text(for id: String) -> String? {
    guard let check = SpreadsheetChecks.descriptions.first(where: { $0.id.rawValue == id }) else { return nil }
    var text = """
      \(check.id) (\(check.severity.rawValue); a check of master spreadsheets by disarm import)
      Category: \(check.category.title) (\(check.category.summary))
      \(check.summary)

      \(check.explanation)

      """
    for example in SpreadsheetChecks.examples(of: id) {
      text += "\n" + describe(example) + "\n"
    }
    return text
  }

  /// "Triggers:" or "Does not trigger:" with the example's note, each sheet of each workbook as `row | cell | cell`,
  /// then where a triggering example is reported.
  static func describe(_ example: SpreadsheetExample) -> String {
    var lines = ["\(example.triggers ? "Triggers" : "Does not trigger"): \(example.note)"]
    for (workbook, sheets) in [
      (SpreadsheetExample.workbookName, example.sheets), (SpreadsheetExample.dataWorkbookName, example.dataSheets),
    ] {
      for name in sheets.keys.sorted() {
        lines.append("  \(workbook), sheet \(name)")
        for (index, row) in (sheets[name] ?? []).enumerated() {
          let cells = row.map { $0.replacingNewlines() }
          let line = "    \(index + 1) | " + cells.joined(separator: " | ")
          lines.append(String(line.reversed().drop { $0 == " " }.reversed()))
        }
      }
    }
    if !example.expectedLocations.isEmpty {
      lines.append("  reported at " + example.expectedLocations.map(\.description).joined(separator: ", "))
    }
    return lines.joined(separator: "\n")
  }
}

extension String {
  /// A cell's line breaks written `\n`, so that each row stays on one line.
  fileprivate func replacingNewlines() -> String {
    split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n")
  }
}
