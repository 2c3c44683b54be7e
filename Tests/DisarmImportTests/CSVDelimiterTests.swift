import DisarmDiagnostics
import DisarmImport
import DisarmLint
import DisarmTestSupport
import Foundation
import Testing

/// CSV datasets separated by `;` or tabs, as spreadsheet programs save "CSV" in locales whose decimal separator is a
/// comma: the delimiter is told from the header row (outside quotes), `--delimiter` names it, and such a dataset
/// imports exactly as its comma-separated twin.
@Suite struct CSVDelimiterTests {
  typealias Support = IncidentImportTests

  /// `rows` joined with `delimiter`, a cell holding the delimiter quoted (unless it is quoted already).
  static func dataset(_ rows: [[String]], delimiter: String) -> String {
    rows.map { row in
      row.map { cell in
        cell.contains(delimiter) && !cell.hasPrefix("\"") ? "\"\(cell)\"" : cell
      }.joined(separator: delimiter)
    }.joined(separator: "\r\n") + "\r\n"
  }

  /// The messy dataset's rows (CSVDatasets.messy), as cells.
  static let rows: [[String]] = {
    let text = CSVDatasets.messy()
    var rows: [[String]] = []
    var cells: [String] = []
    var cell = ""
    var quoted = false
    for character in text {
      if character == "\"" { quoted.toggle() }
      if !quoted && character == "," {
        cells.append(cell)
        cell = ""
      } else if !quoted && character == "\r\n" {
        cells.append(cell)
        rows.append(cells)
        cells = []
        cell = ""
      } else {
        cell.append(character)
      }
    }
    return rows
  }()

  @Test func theDelimiterIsTheOneTheHeaderRowHoldsMostOutsideQuotes() {
    #expect(CSVDelimiter.detect(in: Array("a,b,c\n1;2;3;4;5\n".utf8)) == .comma)
    #expect(CSVDelimiter.detect(in: Array("a;b;c\n1,2,3,4,5\n".utf8)) == .semicolon)
    #expect(CSVDelimiter.detect(in: Array("a\tb\tc\r\n".utf8)) == .tab)
    // Delimiters inside a quoted header (and doubled quotes in it) do not count.
    #expect(CSVDelimiter.detect(in: Array("\"a;b;c;d\"\"x;y\",e,f\n".utf8)) == .comma)
    #expect(
      CSVDelimiter.detect(in: Array("\"TA19 Accounts, Software, and Infrastructure\";name;year\n".utf8)) == .semicolon)
    // A quote inside an unquoted cell is text, as the reader reads it: it opens nothing.
    #expect(CSVDelimiter.detect(in: Array("say \"hi;a;b\n".utf8)) == .semicolon)
    // A byte-order mark is skipped; one column, or a tie, is a comma.
    #expect(CSVDelimiter.detect(in: Array("\u{FEFF}name\n".utf8)) == .comma)
    #expect(CSVDelimiter.detect(in: Array("a;b,c\n".utf8)) == .comma)
    #expect(CSVDelimiter.detect(in: []) == .comma)
    #expect(CSVDelimiter(named: ";") == .semicolon && CSVDelimiter(named: "TAB") == .tab)
    #expect(CSVDelimiter(named: "\\t") == .tab && CSVDelimiter(named: "comma") == .comma)
    #expect(CSVDelimiter(named: "|") == nil)
  }

  @Test(arguments: [";", "\t"])
  func aDatasetSeparatedBySemicolonsOrTabsImportsAsItsCommaTwin(delimiter: String) throws {
    #expect(Self.rows.count == 5 && Self.rows.allSatisfy { $0.count == CSVDatasets.header.count })
    let (commaKB, files) = try Support.copy()
    let comma = try Support.write(CSVDatasets.messy(), "dataset.csv", in: files)
    let expected = try Support.run([comma], into: commaKB)
    let (kb, other) = try Support.copy()
    let dataset = try Support.write(Self.dataset(Self.rows, delimiter: delimiter), "dataset.csv", in: other)
    let plan = try Support.run([dataset], into: kb)
    let shown = delimiter == ";" ? "';'" : "tab"
    #expect(
      plan.remarks == [
        "\(dataset): CSV dataset separated by \(shown), 3 incidents, 4 technique columns, 1 blank row skipped; "
          + "not read: 'Analyst notes'"
      ])
    #expect(CSVImportTests.findings(plan) == CSVImportTests.findings(expected))
    #expect(plan.incidents.map(\.identity) == expected.incidents.map(\.identity))
    for path in ["incidents/I00906.md", "incidents/I00907.md", "incidents/I00908.md", "techniques/T0073.md"] {
      #expect(try Support.page(path, in: kb) == Support.page(path, in: commaKB), "\(path)")
    }
    // The quoted cell holding the delimiter (two addresses separated by `;`) is one cell.
    #expect(
      try Support.page("incidents/I00906.md", in: kb).contains("| [https://example.org/b](https://example.org/b) |"))
    #expect(try CheckedKnowledgeBase.load(kb.path).count(.error) == 0)
  }

  @Test func theDelimiterNamedOverridesTheHeader() throws {
    let (kb, files) = try Support.copy()
    let dataset = try Support.write(Self.dataset(Self.rows, delimiter: ";"), "dataset.csv", in: files)
    // Read with commas, the `;` dataset is one column whose header is no name: an error, nothing planned.
    let asComma = try IncidentImport.plan(
      IncidentImport.Request(files: [dataset], into: kb.path, delimiter: .comma).validated())
    #expect(asComma.changePlan == nil)
    #expect(asComma.diagnostics.map(\.message).contains { $0.hasPrefix("no name column") })
    let named = try IncidentImport.plan(
      IncidentImport.Request(files: [dataset], into: kb.path, delimiter: .semicolon).validated())
    #expect(named.incidents.count == 3 && !named.hasErrors)
    // A header of one column with a `;` in its name, named by --delimiter as a comma file.
    let single = try Support.write("name;alias,T0002\nClone sites;x,1\n", "single.csv", in: files)
    let detected = try IncidentImport.plan(IncidentImport.Request(files: [single], into: kb.path).validated())
    #expect(detected.remarks.first?.contains("separated by") == false)
    #expect(detected.hasErrors)  // read as comma-separated: 'name;alias' is no name column
  }
}
