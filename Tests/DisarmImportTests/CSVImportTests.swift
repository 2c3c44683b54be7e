import DisarmDiagnostics
import DisarmEditing
import DisarmImport
import DisarmLint
import DisarmTestSupport
import Foundation
import Testing

/// `disarm import` of CSV datasets into a copy of `data/`: one page per row, techniques exactly the columns holding
/// 1, every dirty cell reported at its row and column with what was made of it, idempotent, bounded.
@Suite struct CSVImportTests {
  typealias Support = IncidentImportTests

  static func findings(_ plan: IncidentImport.Plan) -> [String] {
    plan.diagnostics.map {
      "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)"
    }
  }

  @Test func aMessyDatasetGivesOnePagePerRowAndReportsEveryDirtyCell() throws {
    let (kb, files) = try Support.copy()
    let dataset = try Support.write(CSVDatasets.messy(), "dataset.csv", in: files)
    let plan = try Support.run([dataset], into: kb)
    #expect(plan.incidents.map(\.identity) == ["csv:dataset.csv#id=1", "csv:dataset.csv#id=2", "csv:dataset.csv#id=3"])
    #expect(
      plan.remarks == [
        "\(dataset): CSV dataset, 3 incidents, 4 technique columns, 1 blank row skipped; not read: 'Analyst notes'"
      ])
    // Row 4 follows a quoted line break and a blank row: it is reported as the spreadsheet's row 4.
    #expect(
      Self.findings(plan) == [
        "dataset.csv:1:10: warning: header names T0073 'Determine  Target Audiences'; the framework calls it "
          + "'Determine Target Audiences' (spacing or case differs); read as T0073 by its identifier",
        "dataset.csv:1:11: warning: header names T0085.001 'Develop AI Text'; the framework calls it "
          + "'Develop AI-Generated Text'; read as T0085.001 by its identifier",
        "dataset.csv:2:8: warning: 'see also' is not a web address; not added to the references",
        "dataset.csv:2:10: warning: T0073: a stray backtick before 1; read as 1",
        "dataset.csv:4:11: warning: T0085.001: the spreadsheet error value #NAME? (a formula that did not compute); "
          + "read as 0",
        "dataset.csv:4:12: warning: T0132: '1.0' read as 1",
        "dataset.csv:5:4: warning: 'c. 2019' does not start with a year; Year started is left as the page has it",
      ])
    #expect(plan.diagnostics.allSatisfy { $0.rule.rawValue == "incident-cell-dirty" })
    let first = try Support.page("incidents/I00906.md", in: kb)
    #expect(first.hasPrefix("# Incident I00906: Clone sites\n"))
    #expect(first.contains("* **Summary:** Cloned sites, \"spread\" articles<br>across two lines\n"))
    #expect(first.contains("* **Year started:** 2022\n"))
    #expect(first.contains("* **Countries:** Russia , France\n"))
    #expect(first.contains("* **Imported from:** csv:dataset.csv#id=1\n"))
    #expect(first.contains("| [https://example.org/a](https://example.org/a) |"))
    #expect(first.contains("| [https://example.org/b](https://example.org/b) |"))
    // Exactly the columns holding 1 (T0002 and the backtick's T0073).
    #expect(first.contains("techniques/T0002.md) |  |") && first.contains("techniques/T0073.md) |  |"))
    #expect(first.components(separatedBy: "generated_pages/techniques/").count == 3)
    let second = try Support.page("incidents/I00907.md", in: kb)
    #expect(second.contains("* **Year started:** 2016\n") && second.contains("* **Countries:** , USA\n"))
    #expect(second.contains("techniques/T0073.md)") && second.contains("techniques/T0132.md)"))
    #expect(!second.contains("T0085.001") && !second.contains("T0002.md"))
    let checked = try CheckedKnowledgeBase.load(kb.path)
    #expect(checked.count(.error) == 0)
    #expect(checked.rendered.pages.allSatisfy { $0.basis == .bytes($0.bytes) })
  }

  @Test func importingTheDatasetAgainChangesNothingAndAnEditedRowUpdatesItsPage() throws {
    let (kb, files) = try Support.copy()
    let dataset = try Support.write(CSVDatasets.messy(), "dataset.csv", in: files)
    try Support.run([dataset], into: kb)
    let again = try Support.plan([dataset], into: kb)
    #expect(again.changes.isEmpty)
    #expect(again.incidents.map(\.state) == [.unchanged, .unchanged, .unchanged])
    // The second row no longer uses T0073: its page loses that row and nothing else changes.
    let edited = try Support.write(CSVDatasets.messy(secondUses: "0"), "dataset.csv", in: files)
    let plan = try Support.run([edited], into: kb)
    #expect(plan.incidents.map(\.state) == [.unchanged, .updated, .unchanged])
    let second = try Support.page("incidents/I00907.md", in: kb)
    #expect(!second.contains("techniques/T0073.md") && second.contains("techniques/T0132.md"))
  }

  @Test func withoutAnIDColumnARowIsItsNameSoARenamedRowIsANewIncident() throws {
    let (kb, files) = try Support.copy()
    let rows = { (name: String) in
      CSVDatasets.csv([["Title", "T0002"], [name, "1"], ["Other", "0"]], separator: "\n")
    }
    let first = try Support.run([try Support.write(rows("Clone sites"), "d.csv", in: files)], into: kb)
    #expect(first.incidents.map(\.identity) == ["csv:d.csv#name=Clone sites", "csv:d.csv#name=Other"])
    let renamed = try Support.plan([try Support.write(rows("Clone websites"), "d.csv", in: files)], into: kb)
    #expect(renamed.incidents.map(\.state) == [.created, .unchanged])
    #expect(renamed.incidents[0].id.string == "I00908")
  }

  @Test func aColumnMapNamesTheColumnsAndTechniqueHeadersWithoutIdentifiers() throws {
    let (kb, files) = try Support.copy()
    let map = try Support.write(
      """
      id: Case
      name: Operation
      summary: What happened
      year: When
      country: Where
      actor: Who
      sources: [Report, Archive copy]
      techniques:
        prefix: "TTP "
        columns: {"State propaganda": T0002}
        ignore: [TTP T0132 (unsure)]
      """, "columns.yml", in: files)
    let dataset = try Support.write(
      CSVDatasets.csv([
        [
          "Case", "Operation", "What happened", "When", "Where", "Who", "Report", "Archive copy", "State propaganda",
          "TTP T0073 Determine Target Audiences", "TTP T0132 (unsure)", "T0085",
        ],
        [
          "A-7", "Clone sites", "Cloned.", "2021-04-01", "Germany", "Russia", "https://example.org/r",
          "https://archive.example.org/r", "1", "1", "1", "1",
        ],
      ]), "mapped.csv", in: files)
    let plan = try IncidentImport.plan(
      IncidentImport.Request(files: [dataset], into: kb.path, columns: map).validated())
    #expect(plan.diagnostics.isEmpty, "\(Self.findings(plan))")
    #expect(plan.incidents.map(\.identity) == ["csv:mapped.csv#id=A-7"])
    #expect(plan.remarks[0].contains("2 technique columns") && plan.remarks[0].contains("not read: 'TTP T0132"))
    _ = try #require(plan.changePlan).verified().write()
    let page = try Support.page("incidents/I00906.md", in: kb)
    #expect(page.contains("* **Summary:** Cloned.\n") && page.contains("* **Year started:** 2021\n"))
    #expect(page.contains("* **Countries:** Russia , Germany\n"))
    #expect(page.contains("(https://archive.example.org/r)"))
    #expect(page.contains("techniques/T0002.md") && page.contains("techniques/T0073.md"))
    // Without the prefix, `T0085` is no technique column of this map; T0132 is ignored.
    #expect(!page.contains("techniques/T0085.md") && !page.contains("techniques/T0132.md"))
  }

  @Test func aMapNamingAColumnTheDatasetLacksIsAnErrorAtTheMapsLine() throws {
    let (kb, files) = try Support.copy()
    let map = try Support.write("name: Title\nsummary: Abstract\nbogus: x\n", "bad.yml", in: files)
    let dataset = try Support.write(CSVDatasets.csv([["Title", "T0002"], ["A", "1"]]), "d.csv", in: files)
    let plan = try IncidentImport.plan(
      IncidentImport.Request(files: [dataset], into: kb.path, columns: map).validated())
    #expect(plan.changePlan == nil)
    #expect(Self.findings(plan).first?.hasPrefix("bad.yml:3:1: error: --columns: unknown key 'bogus'") == true)
    let missing = try Support.write("name: Title\nsummary: Abstract\n", "missing.yml", in: files)
    let second = try IncidentImport.plan(
      IncidentImport.Request(files: [dataset], into: kb.path, columns: missing).validated())
    #expect(
      Self.findings(second) == [
        "missing.yml:2:10: error: --columns: summary is column 'abstract', which d.csv does not have"
      ])
  }

  @Test func unknownRetiredAndUnreadableCellsAreErrorsOrWarningsAtTheirCells() throws {
    let (kb, files) = try Support.copy()
    try """
    - id: T0999
      name: Old technique
      retired: v1.6
      replaced-by: T0132
    - id: T0998
      name: Gone
      retired: v1.6
    """.write(to: kb.appendingPathComponent("retired.yml"), atomically: true, encoding: .utf8)
    let dataset = try Support.write(
      CSVDatasets.csv([
        ["name", "T0999 Old technique", "T0998_Gone", "T0997_Never", "T0002"],
        ["A", "1", "0", "0", "yes"],
        ["B", "1", "0", "0", "2"],
      ]), "d.csv", in: files)
    let plan = try Support.plan([dataset], into: kb)
    #expect(plan.changePlan == nil)
    #expect(
      Self.findings(plan) == [
        "d.csv:1:2: warning: T0999 is retired (v1.6); its replacement T0132 (Measure Performance) is used",
        "d.csv:1:3: error: T0998 is retired and retired.yml names no live replacement",
        "d.csv:1:4: error: unknown technique T0997: no page and no entry in retired.yml",
        "d.csv:2:5: error: T0002: 'yes' is not 0 or 1; the row's incident may or may not use the technique",
        "d.csv:3:5: error: T0002: '2' is not 0 or 1; the row's incident may or may not use the technique",
      ])
    #expect(
      plan.diagnostics.map(\.rule.rawValue) == [
        "incident-technique-retired", "incident-technique-retired", "incident-technique-unknown", "incident-cell-dirty",
        "incident-cell-dirty",
      ])
  }

  @Test func twoRowsWithOneNameAndNoIDAreDuplicates() throws {
    let (kb, files) = try Support.copy()
    let dataset = try Support.write(
      CSVDatasets.csv([["name", "T0002"], ["A", "1"], ["A ", "0"]]), "d.csv", in: files)
    let plan = try Support.plan([dataset], into: kb)
    #expect(plan.changePlan == nil)
    #expect(
      Self.findings(plan) == [
        "d.csv:3:1: error: csv:d.csv#name=A is also the identity of the record at \(dataset):2:1"
      ])
  }

  @Test(arguments: [
    (
      "name,T0002\r\n\"open,1\r\n",
      "d.csv:2:1: error: not readable as CSV: a quoted cell is never closed (a \" is missing)"
    ),
    (
      "name,T0002\r\n\"A\"x,1\r\n",
      "d.csv:2:1: error: not readable as CSV: text after the closing quote of a quoted cell"
    ),
    ("", "d.csv:1:1: error: the file is empty: a CSV dataset starts with a header row"),
    (
      "title only\r\nA\r\n",
      "d.csv:1:1: error: no name column: a header 'name' or 'title', or 'name:' in the --columns map (headers: 'title only')"
    ),
    ("name,T0002\r\n,1\r\n", "d.csv:2:1: error: a row without a name (every incident needs one)"),
  ])
  func malformedCSVIsOneErrorAtItsRowAndColumn(_ text: String, _ expected: String) throws {
    let (kb, files) = try Support.copy()
    let dataset = try Support.write(text, "d.csv", in: files)
    let plan = try IncidentImport.plan(
      IncidentImport.Request(files: [dataset], into: kb.path, inputFormat: .csv).validated())
    #expect(plan.changePlan == nil)
    #expect(Self.findings(plan) == [expected])
  }

  @Test func boundsAreClearErrors() throws {
    let (kb, files) = try Support.copy()
    let wide = try Support.write(String(repeating: "a,", count: 1_000_000) + "\n", "wide.csv", in: files)
    let start = Date()
    let plan = try Support.plan([wide], into: kb)
    #expect(Self.findings(plan) == ["wide.csv:1:10001: error: not readable as CSV: more than 10000 columns in a row"])
    #expect(Date().timeIntervalSince(start) < 10)
    let long = try Support.write(
      "name,T0002\n\"" + String(repeating: "x", count: (1 << 20) + 10) + "\",1\n", "long.csv", in: files)
    #expect(
      Self.findings(try Support.plan([long], into: kb)) == [
        "long.csv:2:1: error: not readable as CSV: a cell longer than 1048576 bytes"
      ])
  }

  /// A dataset with more dirty cells than the listing bound: the first 10,000 findings and one more saying how many
  /// were left out, an error since some of them are.
  @Test func findingsPastTheBoundAreCountedNotListed() throws {
    let (kb, files) = try Support.copy()
    let rows = (0..<10_050).map { "Incident \($0),yes\n" }.joined()
    let dataset = try Support.write("name,T0002\n" + rows, "many.csv", in: files)
    let plan = try Support.plan([dataset], into: kb)
    #expect(plan.diagnostics.count == 10_001)
    let last = try #require(plan.diagnostics.first { $0.line == 0 })
    #expect(last.severity == .error)
    #expect(last.message == "50 more findings in this file are not listed (50 errors); only the first 10000 are")
  }

  @Test func recordsEndedByCarriageReturnsAloneAreRead() throws {
    let (kb, files) = try Support.copy()
    let dataset = try Support.write("name,T0002\rA,1\r\"B\rsecond line\",0\rC,1", "mac.csv", in: files)
    let plan = try Support.plan([dataset], into: kb)
    #expect(plan.diagnostics.isEmpty)
    #expect(
      plan.incidents.map(\.identity) == [
        "csv:mac.csv#name=A", "csv:mac.csv#name=B second line", "csv:mac.csv#name=C",
      ])
  }

  @Test func aCellThatIsNotUTF8IsAnError() throws {
    let (kb, files) = try Support.copy()
    let url = files.appendingPathComponent("latin1.csv")
    try Data("name,T0002\nCaf".utf8 + [0xE9] + Data(",1\n".utf8)).write(to: url)
    #expect(
      Self.findings(try Support.plan([url.path], into: kb)) == ["latin1.csv:2:1: error: a cell that is not UTF-8 text"])
  }
}
