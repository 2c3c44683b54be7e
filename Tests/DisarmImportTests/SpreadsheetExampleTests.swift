import DisarmImport
import Testing

/// Every spreadsheet check's examples, run as `disarm import` checks a master spreadsheet, as `RuleExampleTests` runs
/// the lint rules': a triggering example makes the check fire exactly at its `↓` markers (one finding per marker, and
/// nowhere else), a non-triggering one gives no finding of the check.
@Suite struct SpreadsheetExampleTests {
  static let ids = SpreadsheetChecks.descriptions.map(\.id.rawValue)

  @Test(arguments: ids)
  func triggeringExamplesFireExactlyAtTheirMarkers(_ id: String) throws {
    for example in SpreadsheetChecks.examples(of: id) where example.triggers {
      let found = try SpreadsheetChecks.findings(in: example).filter { $0.rule.rawValue == id }
      #expect(!found.isEmpty, "\(id) should fire on \"\(example.note)\" but did not")
      for finding in found {
        // A spreadsheet finding is located by its file alone: `book.xlsx:sheet!C12`.
        #expect(finding.line == 0 && finding.column == 0, "\(id): \(finding.formatted) has a line and column")
        #expect(
          SpreadsheetExample.ExpectedLocation(file: finding.file) != nil,
          "\(id): \(finding.formatted) names no workbook cell")
      }
      let reported = found.compactMap { SpreadsheetExample.ExpectedLocation(file: $0.file) }.sorted()
      #expect(
        reported == example.expectedLocations,
        "\(id) on \"\(example.note)\": reported at \(reported), the markers say \(example.expectedLocations)")
    }
  }

  @Test(arguments: ids)
  func nonTriggeringExamplesGiveNoFindingOfTheirCheck(_ id: String) throws {
    for example in SpreadsheetChecks.examples(of: id) where !example.triggers {
      let found = try SpreadsheetChecks.findings(in: example).filter { $0.rule.rawValue == id }
      #expect(found.isEmpty, "\(id): \"\(example.note)\": \(found.map(\.formatted))")
      #expect(example.expectedLocations.isEmpty, "\(id): \"\(example.note)\" does not trigger but has markers")
    }
  }

  /// Every finding any example produces, of any check, has a severity its check declares.
  @Test(arguments: ids)
  func everyFindingHasASeverityItsCheckDeclares(_ id: String) throws {
    let descriptions = Dictionary(uniqueKeysWithValues: SpreadsheetChecks.descriptions.map { ($0.id, $0) })
    for example in SpreadsheetChecks.examples(of: id) {
      for finding in try SpreadsheetChecks.findings(in: example) {
        let description = try #require(descriptions[finding.rule], "\(finding.rule) is not a spreadsheet check")
        #expect(description.allows(finding.severity), "\(finding.formatted) has a severity \(finding.rule) lacks")
      }
    }
  }

  /// `disarm explain` shows a check's category and every example: its note, its sheets' rows, where it fires.
  @Test(arguments: ids)
  func theExplanationShowsEveryExample(_ id: String) throws {
    let text = try #require(SpreadsheetCheckExplanation.text(for: id))
    let category = try #require(SpreadsheetChecks.descriptions.first { $0.id.rawValue == id }?.category)
    #expect(text.contains("Category: \(category.title) ("))
    for example in SpreadsheetChecks.examples(of: id) {
      #expect(text.contains((example.triggers ? "Triggers: " : "Does not trigger: ") + example.note))
      for (name, rows) in example.sheets.merging(example.dataSheets, uniquingKeysWith: { a, _ in a }) {
        #expect(text.contains(", sheet \(name)\n    1 | " + (rows.first ?? []).joined(separator: " | ")))
      }
      if example.triggers {
        #expect(text.contains("reported at " + example.expectedLocations.map(\.description).joined(separator: ", ")))
      }
    }
    #expect(SpreadsheetCheckExplanation.text(for: "empty-summary") == nil)
  }

  @Test func theMarkerIsRemovedAndLocated() {
    let example = SpreadsheetExample(
      triggers: true, note: "n", sheets: ["techniques": [["disarm_id"], ["↓T1"], ["", "↓a↓"]]],
      data: ["incidents": [["↓disarm_id"]]], wholeWorkbook: true)
    #expect(example.sheets["techniques"] == [["disarm_id"], ["T1"], ["", "a"]])
    #expect(example.dataSheets["incidents"] == [["disarm_id"]])
    #expect(
      example.expectedLocations.map(\.description) == [
        "DISARM_DATA_MASTER.xlsx:incidents!A1", "DISARM_FRAMEWORKS_MASTER.xlsx",
        "DISARM_FRAMEWORKS_MASTER.xlsx:techniques!A2", "DISARM_FRAMEWORKS_MASTER.xlsx:techniques!B3",
        "DISARM_FRAMEWORKS_MASTER.xlsx:techniques!B3",
      ])
  }

  /// A finding's file read back as a place: `book.xlsx:sheet!AB12` is row 12, column 27 (0-based).
  @Test func aFindingsPlaceIsReadBack() throws {
    func place(_ file: String) -> SpreadsheetExample.ExpectedLocation? { .init(file: file) }
    let cell = try #require(place("book.xlsx:my sheet!AB12"))
    #expect(cell == .init(workbook: "book.xlsx", sheet: "my sheet", row: 12, column: 27))
    #expect(cell.description == "book.xlsx:my sheet!AB12")
    #expect(place("book.xlsx") == .init(workbook: "book.xlsx", sheet: nil, row: 0, column: 0))
    #expect(place("techniques/T0001.md") == nil)
    #expect(place("book.xlsx:techniques!12") == nil)
  }
}
