import DisarmTestSupport
import Foundation
import Testing

/// `disarm import dataset.csv --into KB` through the built binary: a messy dataset imported with each dirty cell
/// reported at `file.csv:ROW:COLUMN`, idempotent, errors in every reporter format with nothing written, a column
/// map, hostile files refused quickly.
@Suite struct ImportCSVCommandTests {
  typealias Incidents = ImportIncidentsCommandTests

  /// Every quirk of real datasets: a drifted header name, doubled spaces, a stray backtick, `#NAME?`, `1.0`, blank
  /// cells, a blank row, a quoted description with a doubled quote and a line break, CR LF.
  static let messy =
    "id,Name,Description,Year,Target country,Actor,URL,Source 2,T0002_Facilitate State Propaganda,"
    + "T0073 Determine  Target Audiences,T0085.001_Develop AI Text,T0132 Measure Performance,Analyst notes\r\n"
    + "1,Clone sites,\"Cloned sites, \"\"spread\"\" articles\nacross two lines\",2022,France,Russia,"
    + "https://example.org/a,https://example.org/b,1,`1,0,,keep\r\n"
    + ",,,,,,,,,,,,\r\n"
    + "2,Hashtag flood,Bots,2016.0,USA,,,,0,1,#NAME?,1.0,\r\n"

  @Test func aMessyDatasetImportsWithEveryDirtyCellReportedAndOnlyOnce() throws {
    let (root, kb) = try Incidents.copy()
    let dataset = try Incidents.write(Self.messy, "dataset.csv", in: root)
    let result = try DisarmProcess.run(["import", dataset, "--into", kb.path])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(
      lines.first
        == "note: read \(dataset): CSV dataset, 2 incidents, 4 technique columns, 1 blank row skipped; not read: "
        + "'Analyst notes'")
    for expected in [
      "dataset.csv:1:10: warning: header names T0073 'Determine  Target Audiences'",
      "dataset.csv:1:11: warning: header names T0085.001 'Develop AI Text'; the framework calls it "
        + "'Develop AI-Generated Text'; read as T0085.001 by its identifier [incident-cell-dirty]",
      "dataset.csv:2:10: warning: T0073: a stray backtick before 1; read as 1 [incident-cell-dirty]",
      "dataset.csv:4:11: warning: T0085.001: the spreadsheet error value #NAME? (a formula that did not compute); "
        + "read as 0 [incident-cell-dirty]",
      "dataset.csv:4:12: warning: T0132: '1.0' read as 1 [incident-cell-dirty]",
    ] {
      #expect(result.stderr.contains(root.path + "/" + expected), "\(expected)\n\(result.stderr)")
    }
    #expect(
      result.stderr.contains("created: ")
        && result.stderr.contains("incidents/I00906.md Clone sites (csv:dataset.csv#id=1)"))
    #expect(
      lines.last?.hasSuffix("2 incidents (2 new, 0 changed, 0 unchanged), 6 pages written; 0 errors, 5 warnings")
        == true, "\(result.stderr)")
    let check = try DisarmProcess.run(["build", kb.path, "--check"])
    #expect(check.status == 0 && check.stderr.contains("0 pages out of date"), "\(check.stderr)")
    let before = try Incidents.snapshot(kb)
    let again = try DisarmProcess.run(["import", dataset, "--into", kb.path, "--quiet"])
    #expect(again.status == 0)
    #expect(
      again.stderr.contains("(0 new, 0 changed, 2 unchanged), 0 pages written; 0 errors, 5 warnings"), "\(again.stderr)"
    )
    #expect(!again.stderr.contains("warning:"), "--quiet prints errors only")
    #expect(try Incidents.snapshot(kb) == before)
  }

  @Test(arguments: ["text", "json", "sarif", "github"])
  func anUnreadableCellIsAnErrorAtItsRowAndColumnInEveryFormat(_ format: String) throws {
    let (root, kb) = try Incidents.copy()
    let dataset = try Incidents.write(
      "name,notes,T0002\n\"Two\nlines\",x,1\nSecond,y,yes\n", "bad.csv", in: root)
    let before = try Incidents.snapshot(kb)
    let result = try DisarmProcess.run(["import", dataset, "--into", kb.path, "--format", format])
    #expect(result.status == 1)
    #expect(try Incidents.snapshot(kb) == before)
    #expect(result.stderr.contains("bad.csv: 1 error, 0 warnings; nothing written"), "\(result.stderr)")
    // Row 3 of the spreadsheet, though it starts on line 4 of the file.
    switch format {
    case "text": #expect(result.stderr.contains("bad.csv:3:3: error: T0002: 'yes' is not 0 or 1"), "\(result.stderr)")
    case "json": #expect(result.stdout.contains("\"line\": 3") && result.stdout.contains("\"column\": 3"))
    case "sarif":
      #expect(result.stdout.contains("\"startLine\": 3") && result.stdout.contains("incident-cell-dirty"))
      #expect(result.stdout.contains("\"id\": \"incident-cell-dirty\""), "the rule is described")
    default: #expect(result.stdout.contains("::error file=") && result.stdout.contains("line=3,col=3"))
    }
  }

  @Test func aColumnMapAndTheInputFormatAreHonoured() throws {
    let (root, kb) = try Incidents.copy()
    let map = try Incidents.write("name: Operation\nsources: Evidence\n", "columns.yml", in: root)
    // A `.txt` file whose first cell opens with `[`: only --input-format csv reads it as CSV.
    let dataset = try Incidents.write(
      "[ref],Operation,Evidence,T0002\r\n[1],Clone sites,https://example.org/e,1\r\n", "dataset.txt", in: root)
    let asJSON = try DisarmProcess.run(["import", dataset, "--into", kb.path])
    #expect(asJSON.status == 1 && asJSON.stderr.contains("not readable as JSON"), "\(asJSON.stderr)")
    let result = try DisarmProcess.run([
      "import", dataset, "--into", kb.path, "--input-format", "csv", "--columns", map,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("not read: '[ref]'"))
    let page = try String(contentsOf: kb.appendingPathComponent("incidents/I00906.md"), encoding: .utf8)
    #expect(page.contains("* **Imported from:** csv:dataset.txt#name=Clone sites"))
    #expect(page.contains("(https://example.org/e)") && page.contains("techniques/T0002.md"))
    let spreadsheet = try DisarmProcess.run(["import", "master.xlsx", "--columns", map])
    #expect(spreadsheet.status != 0 && spreadsheet.status != 1)
    #expect(spreadsheet.stderr.contains("--columns and --delimiter apply to incident files"), "\(spreadsheet.stderr)")
  }

  /// A million columns, a cell over 1 MiB, a quote never closed in a 30 MB file and a file over 64 MiB: each one
  /// clear error at its place, in seconds, nothing written.
  @Test func hostileDatasetsAreRefusedWithAClearError() throws {
    let (root, kb) = try Incidents.copy()
    let cases: [(name: String, bytes: Data, says: String)] = [
      (
        "wide.csv", Data(String(repeating: "T0002,", count: 1_000_000).utf8),
        "wide.csv:1:10001: error: not readable as CSV: more than 10000 columns in a row"
      ),
      (
        "cell.csv", Data(("name,T0002\n\"" + String(repeating: "x", count: 2 << 20) + "\",1\n").utf8),
        "cell.csv:2:1: error: not readable as CSV: a cell longer than 1048576 bytes"
      ),
      (
        "open.csv", Data(("name,T0002\n\"" + String(repeating: "a,b\n", count: 200_000)).utf8),
        "open.csv:2:1: error: not readable as CSV: a quoted cell is never closed"
      ),
      ("huge.csv", Data(repeating: UInt8(ascii: "a"), count: (64 << 20) + 1), "over the bound of 67108864 bytes"),
    ]
    let before = try Incidents.snapshot(kb)
    for item in cases {
      let path = root.appendingPathComponent(item.name)
      try item.bytes.write(to: path)
      let start = Date()
      let result = try DisarmProcess.run(["import", path.path, "--into", kb.path, "--input-format", "csv"])
      #expect(result.status == 1, "\(item.name): \(result.stderr.prefix(300))")
      #expect(result.stderr.contains(item.says), "\(item.name): \(result.stderr.prefix(500))")
      #expect(Date().timeIntervalSince(start) < 20, "\(item.name)")
    }
    #expect(try Incidents.snapshot(kb) == before)
  }
}
