import DisarmTestSupport
import DisarmWorkbook
import Foundation
import Testing

/// `disarm import` and `disarm export xlsx` end to end, on the project's own sample knowledge base (`data/`): the
/// round trip through a workbook, notes kept, `--prune`, damaged and hostile workbooks reported at their sheet, row
/// and column with nothing written, every reporter format, and openpyxl reading the exported workbook.
@Suite struct ImportCommandTests {
  /// A scratch folder with `data.xlsx`, the sample knowledge base exported.
  static func exported() throws -> (root: URL, workbook: URL) {
    let root = TemporaryFolder.make("disarm-import")
    let workbook = root.appendingPathComponent("data.xlsx")
    let result = try DisarmProcess.run(["export", "xlsx", TestSupport.sampleData.path, "-o", workbook.path])
    #expect(result.status == 0, "\(result.stderr)")
    return (root, workbook)
  }

  /// The exported workbook's sheets as text, to damage and write again.
  static func sheets(_ workbook: URL) throws -> [WorkbookWriter.Sheet] {
    try Workbook.read(path: workbook.path).sheets.map { sheet in
      let width = (sheet.rows.flatMap { $0.cells.map(\.column) }.max() ?? 0) + 1
      return WorkbookWriter.Sheet(
        name: sheet.name,
        rows: sheet.rows.map { row in
          (0..<width).map { column in
            if case .text(let text) = row.value(at: column) { return text }
            return ""
          }
        })
    }
  }

  /// The pages of `data/` without their notes (the spreadsheet has none).
  static func withoutNotes(_ data: Data) -> Data {
    let marker = Data("DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW".utf8)
    guard let range = data.range(of: marker) else { return data }
    return data[..<range.upperBound]
  }

  @Test func exportThenImportGivesBackThePages() throws {
    let (root, workbook) = try Self.exported()
    defer { try? FileManager.default.removeItem(at: root) }
    let into = root.appendingPathComponent("pages")
    let result = try DisarmProcess.run(["import", workbook.path, "--into", into.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr.contains("55 pages (55 new, 0 changed, 0 unchanged); 0 errors, 0 warnings"), "\(result.stderr)")
    let original = try NewCommandTests.snapshot(TestSupport.sampleData).filter { $0.key.hasSuffix(".md") }
    let imported = try NewCommandTests.snapshot(into)
    #expect(Set(imported.keys) == Set(original.keys))
    for (path, bytes) in original {
      #expect(imported[path] == Self.withoutNotes(bytes), "\(path) differs")
    }
    // A second import changes nothing.
    let again = try DisarmProcess.run(["import", workbook.path, "--into", into.path])
    #expect(again.status == 0)
    #expect(again.stderr.contains("(0 new, 0 changed, 55 unchanged)"), "\(again.stderr)")
  }

  @Test func notesBelowTheMarkerSurviveByteForByte() throws {
    let (root, workbook) = try Self.exported()
    defer { try? FileManager.default.removeItem(at: root) }
    let into = root.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: into)
    // Notes of every kind of page, including bytes a careless writer would mangle.
    var notes: [String: Data] = [:]
    for (index, (path, bytes)) in try NewCommandTests.snapshot(into).sorted(by: { $0.key < $1.key }).enumerated()
    where path.contains("/") && path.hasSuffix(".md") {
      var page = bytes
      page.append(Data("\n\nNote \(index): café ✓ | not a table\r\n\t| T0151.008: Chat |\n\u{0}end".utf8))
      try page.write(to: into.appendingPathComponent(path))
      notes[path] = page
    }
    #expect(notes.count > 30)
    let result = try DisarmProcess.run(["import", workbook.path, "--into", into.path])
    #expect(result.status == 0, "\(result.stderr)")
    for (path, page) in notes {
      #expect(FileManager.default.contents(atPath: into.appendingPathComponent(path).path) == page, "\(path)")
    }
  }

  @Test func pagesOfObjectsNoLongerInTheSpreadsheetAreListedAndPrunedOnRequest() throws {
    let (root, workbook) = try Self.exported()
    defer { try? FileManager.default.removeItem(at: root) }
    let into = root.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: into)
    var sheets = try Self.sheets(workbook)
    let tasks = sheets.firstIndex { $0.name == "tasks" }!
    let removed = sheets[tasks].rows[1][0]
    sheets[tasks].rows.remove(at: 1)
    let smaller = root.appendingPathComponent("smaller.xlsx")
    try Data(WorkbookWriter.bytes(sheets)).write(to: smaller)
    let listed = try DisarmProcess.run(["import", smaller.path, "--into", into.path])
    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(listed.stderr.contains("not in the spreadsheet (--prune removes it): "), "\(listed.stderr)")
    #expect(listed.stderr.contains("tasks/\(removed).md"))
    #expect(FileManager.default.fileExists(atPath: into.appendingPathComponent("tasks/\(removed).md").path))
    let pruned = try DisarmProcess.run(["import", smaller.path, "--into", into.path, "--prune"])
    #expect(pruned.status == 0, "\(pruned.stderr)")
    #expect(pruned.stderr.contains("removed: "), "\(pruned.stderr)")
    #expect(!FileManager.default.fileExists(atPath: into.appendingPathComponent("tasks/\(removed).md").path))
    let lint = try DisarmProcess.run(["lint", into.path])
    #expect(lint.status == 0, "\(lint.stdout)")
  }

  /// One damage, what it must report, and the cell.
  struct Damage: Sendable, CustomTestStringConvertible {
    var name: String
    var location: String
    var rule: String
    /// Whether it is a quirk DISARM's generator tolerated, refused only with `--strict`.
    var strict = false
    var testDescription: String { name }
  }

  static let damages: [Damage] = [
    Damage(
      name: "dangling technique in incidenttechniques", location: "incidenttechniques!C2",
      rule: "sheet-dangling-reference", strict: true),
    Damage(name: "duplicated identifier", location: "techniques!A3", rule: "sheet-duplicate-id"),
    Damage(name: "deleted column", location: "techniques!A1", rule: "sheet-column-missing"),
    Damage(name: "identifier that is not one", location: "tactics!A2", rule: "sheet-bad-id"),
    Damage(name: "missing sheet", location: "", rule: "sheet-missing"),
  ]

  @Test(arguments: damages) func aDamagedWorkbookIsReportedAtItsCellAndNothingIsWritten(_ damage: Damage) throws {
    let (root, workbook) = try Self.exported()
    defer { try? FileManager.default.removeItem(at: root) }
    var sheets = try Self.sheets(workbook)
    func index(_ name: String) -> Int { sheets.firstIndex { $0.name == name }! }
    switch damage.name {
    case "dangling technique in incidenttechniques": sheets[index("incidenttechniques")].rows[1][2] = "T9999"
    case "duplicated identifier":
      sheets[index("techniques")].rows[2][0] = sheets[index("techniques")].rows[1][0]
    case "deleted column":
      sheets[index("techniques")].rows = sheets[index("techniques")].rows.map {
        Array($0.enumerated().filter { $0.offset != 2 }.map(\.element))
      }
    case "identifier that is not one": sheets[index("tactics")].rows[1][0] = "TA7"
    default: sheets.remove(at: index("phases"))
    }
    let damaged = root.appendingPathComponent("damaged.xlsx")
    try Data(WorkbookWriter.bytes(sheets)).write(to: damaged)
    let into = root.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: into)
    let before = try NewCommandTests.snapshot(into)
    let strict = damage.strict ? ["--strict"] : []
    if damage.strict {
      // Without --strict, a warning at the same cell, and the release's pages are written.
      let scratch = root.appendingPathComponent("lenient")
      let lenient = try DisarmProcess.run(["import", damaged.path, "--into", scratch.path])
      #expect(lenient.status == 0, "\(lenient.stderr)")
      #expect(lenient.stderr.contains("\(damaged.path):\(damage.location): warning: "), "\(lenient.stderr)")
    }
    let result = try DisarmProcess.run(["import", damaged.path, "--into", into.path] + strict)
    #expect(result.status == 1, "\(result.stderr)")
    let prefix = damage.location.isEmpty ? "\(damaged.path): error: " : "\(damaged.path):\(damage.location): error: "
    #expect(result.stderr.contains(prefix), "\(result.stderr)")
    #expect(result.stderr.contains("[\(damage.rule)]"))
    #expect(result.stderr.contains("nothing written"))
    #expect(try NewCommandTests.snapshot(into) == before)
    // The same findings in every reporter format.
    let json = try DisarmProcess.run(["import", damaged.path, "--into", into.path, "--format", "json"] + strict)
    #expect(json.status == 1)
    let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let diagnostics = report?["diagnostics"] as? [[String: Any]] ?? []
    #expect(diagnostics.contains { ($0["rule"] as? String) == damage.rule }, "\(json.stdout.prefix(400))")
    let sarif = try DisarmProcess.run(["import", damaged.path, "--into", into.path, "--format", "sarif"] + strict)
    #expect(sarif.status == 1)
    #expect(sarif.stdout.contains("\"ruleId\": \"\(damage.rule)\""), "\(sarif.stdout.prefix(300))")
    // Valid SARIF, the cell as a logical location on the workbook file.
    let log = root.appendingPathComponent("import.sarif")
    try Data(sarif.stdout.utf8).write(to: log)
    try ExternalTool.expectValid(log, schema: "schema/sarif-2.1.0.schema.json")
    if !damage.location.isEmpty {
      #expect(sarif.stdout.contains("\"fullyQualifiedName\": \"\(damage.location)\""), "\(sarif.stdout.prefix(600))")
    }
    let github = try DisarmProcess.run(["import", damaged.path, "--into", into.path, "--format", "github"] + strict)
    #expect(github.status == 1 && github.stdout.contains("::error file=\(damaged.path),"), "\(github.stdout)")
    #expect(try NewCommandTests.snapshot(into) == before)
  }

  /// The Foundation's own 2025 workbooks: imported with their quirks as warnings (exit 0), refused with `--strict`
  /// (exit 1, nothing written); both reports are valid SARIF with every finding at its cell.
  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func theFoundationsWorkbooksImportAndStrictRefusesThemInValidSARIF() throws {
    let master = Corpus.root.appendingPathComponent("masters/disarm-2025-02-10/DISARM_FRAMEWORKS_MASTER.xlsx")
    let root = TemporaryFolder.make("disarm-import-real")
    defer { try? FileManager.default.removeItem(at: root) }
    for strict in [false, true] {
      let into = root.appendingPathComponent(strict ? "strict" : "lenient")
      let run = try DisarmProcess.run(
        ["import", master.path, "--into", into.path, "--format", "sarif"] + (strict ? ["--strict"] : []))
      #expect(run.status == (strict ? 1 : 0), "\(run.stderr)")
      let log = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
      let results = ((log?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
      #expect(results.count > 100)
      #expect(results.allSatisfy { ($0["level"] as? String) == (strict ? "error" : "warning") })
      #expect(run.stdout.contains("\"fullyQualifiedName\": \"incidenttechniques!D101\""), "\(run.stdout.prefix(400))")
      let file = root.appendingPathComponent("import-\(strict).sarif")
      try Data(run.stdout.utf8).write(to: file)
      try ExternalTool.expectValid(file, schema: "schema/sarif-2.1.0.schema.json")
      #expect(FileManager.default.fileExists(atPath: into.path) == !strict)
      #expect(run.stderr.contains("DISARM_DATA_MASTER.xlsx"), "the data workbook read is named: \(run.stderr)")
    }
  }

  @Test func unreadableWorkbooksExitTwoWithAClearMessage() throws {
    let (root, workbook) = try Self.exported()
    defer { try? FileManager.default.removeItem(at: root) }
    let bytes = try Data(contentsOf: workbook)
    let truncated = root.appendingPathComponent("truncated.xlsx")
    try bytes.prefix(bytes.count / 2).write(to: truncated)
    let text = root.appendingPathComponent("notes.xlsx")
    try Data("not a workbook\n".utf8).write(to: text)
    let into = root.appendingPathComponent("kb")
    for file in [truncated, text, root.appendingPathComponent("missing.xlsx")] {
      let result = try DisarmProcess.run(["import", file.path, "--into", into.path])
      #expect(result.status == 2, "\(file.lastPathComponent): \(result.stderr)")
      #expect(result.stderr.hasPrefix("disarm: error: \(file.path): "), "\(result.stderr)")
      #expect(!FileManager.default.fileExists(atPath: into.appendingPathComponent("techniques").path))
    }
  }

  /// Whether python3 can import openpyxl (`scripts/install-deps.sh` installs it).
  static let openpyxlAvailable = (try? ExternalTool.run(["python3", "-c", "import openpyxl"]).status) == 0

  @Test(.enabled(if: openpyxlAvailable, "openpyxl is not installed (pip install openpyxl): skipped"))
  func theExportedWorkbookOpensInOpenpyxlWithTheExpectedSheets() throws {
    let (root, workbook) = try Self.exported()
    defer { try? FileManager.default.removeItem(at: root) }
    let dump = Process()
    dump.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    dump.arguments = [
      "python3", TestSupport.repositoryRoot.appendingPathComponent("scripts/dump-xlsx.py").path, workbook.path,
    ]
    let pipe = Pipe()
    dump.standardOutput = pipe
    try dump.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    dump.waitUntilExit()
    #expect(dump.terminationStatus == 0)
    let json = try JSONSerialization.jsonObject(with: output) as? [String: Any]
    let sheets = (json?["sheets"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    #expect(
      sheets == [
        "phases", "tactics", "techniques", "tasks", "countermeasures", "actortypes", "metatechniques",
        "responsetypes", "detections", "incidents", "incidenttechniques", "associatedtechniques", "urls",
      ])
    // The technique sheet's first data row as openpyxl reads it: the sample's first technique.
    let techniques = (json?["sheets"] as? [[String: Any]])?.first { ($0["name"] as? String) == "techniques" }
    let cells = techniques?["cells"] as? [[Any]] ?? []
    #expect(cells.contains { ($0[0] as? Int) == 1 && ($0[3] as? String) == "disarm_id" })
    #expect(cells.contains { ($0[0] as? Int) == 2 && (($0[3] as? String)?.hasPrefix("T0") ?? false) })
    // Deterministic: the same pages give the same bytes.
    let again = root.appendingPathComponent("again.xlsx")
    _ = try DisarmProcess.run(["export", "xlsx", TestSupport.sampleData.path, "-o", again.path])
    #expect(try Data(contentsOf: again) == Data(contentsOf: workbook))
  }
}

/// Hostile workbooks through the whole command: each is refused with exit 2 and a message naming the file, in
/// bounded time, and the process never uses more than ten times the file's size plus 100 MiB of memory.
@Suite struct HostileWorkbookTests {
  /// Writes the hostile workbooks with Python's zipfile (a part of any size, compressed), returns them by name.
  static func make(in folder: URL) throws -> [String: URL] {
    let script = """
      import sys, zipfile, os
      folder = sys.argv[1]
      def book(name, sheet):
          with zipfile.ZipFile(os.path.join(folder, name), "w", zipfile.ZIP_DEFLATED) as z:
              z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="techniques" sheetId="1" r:id="rId1"/></sheets></workbook>')
              z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
              z.writestr("xl/worksheets/sheet1.xml", sheet)
      row = lambda text: '<row r="2"><c r="A2" t="inlineStr"><is><t>' + text + '</t></is></c></row>'
      book("bomb.xlsx", " " * (300 * 1048576))
      book("cell-100MB.xlsx", "<worksheet><sheetData>" + row("a" * 100_000_000) + "</sheetData></worksheet>")
      book("cell-60MB.xlsx", "<worksheet><sheetData>" + row("a" * 60_000_000) + "</sheetData></worksheet>")
      book("entities.xlsx", '<!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet><sheetData>' + row("&b;") + "</sheetData></worksheet>")
      book("external.xlsx", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet><sheetData>' + row("&e;") + "</sheetData></worksheet>")
      book("billion-rows.xlsx", '<worksheet><dimension ref="A1:Z1000000000"/><sheetData><row r="1000000000"><c r="Z1000000000"><v>7</v></c></row></sheetData></worksheet>')
      data = bytearray(open(os.path.join(folder, "bomb.xlsx"), "rb").read())
      end = data.rfind(b"PK\\x05\\x06")
      data[end + 16:end + 20] = b"\\xff\\xff\\xff\\xff"
      open(os.path.join(folder, "directory.xlsx"), "wb").write(data)
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, folder.path]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let names = [
      "bomb", "cell-100MB", "cell-60MB", "entities", "external", "billion-rows", "directory",
    ]
    return Dictionary(uniqueKeysWithValues: names.map { ($0, folder.appendingPathComponent("\($0).xlsx")) })
  }

  @Test func eachHostileWorkbookExitsTwoWithinTheMemoryBound() throws {
    let folder = TemporaryFolder.make("disarm-hostile")
    defer { try? FileManager.default.removeItem(at: folder) }
    let books = try Self.make(in: folder)
    let expected = [
      "bomb": "beyond the bound", "cell-100MB": "beyond the bound", "cell-60MB": "more than a cell may hold",
      "entities": "document type", "external": "document type", "billion-rows": "outside a worksheet's rows",
      "directory": "not an xlsx workbook, or a damaged one",
    ]
    // The binary's own footprint (code, libraries, runtime) is measured, not assumed: it grows with the tool, and the
    // bound is about what the workbook makes it hold.
    let idle = try DisarmProcess.run(
      ["--version"],
      wrappedBy: ["python3", TestSupport.repositoryRoot.appendingPathComponent("scripts/peak-memory.py").path])
    let idleParts = (idle.stderr.split(separator: "\n").last ?? "").split(separator: " ")
    let footprint = (idleParts.count == 3 ? Int(idleParts[2]) ?? 0 : 0) * 1024
    #expect(footprint > 0 && footprint < 200 * 1_048_576, "\(idle.stderr)")
    for (name, book) in books.sorted(by: { $0.key < $1.key }) {
      let size = (try FileManager.default.attributesOfItem(atPath: book.path)[.size] as? Int) ?? 0
      let start = Date()
      let result = try DisarmProcess.run(
        ["import", book.path, "--into", folder.appendingPathComponent("out-\(name)").path],
        wrappedBy: ["python3", TestSupport.repositoryRoot.appendingPathComponent("scripts/peak-memory.py").path])
      let seconds = Date().timeIntervalSince(start)
      let last = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
      let parts = last.split(separator: " ")
      try #require(parts.count == 3 && parts[0] == "peak-memory:", "\(name): \(result.stderr)")
      #expect(parts[1] == "2", "\(name): \(result.stderr)")
      #expect(result.stderr.contains("disarm: error: \(book.path): "), "\(name): \(result.stderr)")
      #expect(result.stderr.contains(expected[name]!), "\(name): \(result.stderr)")
      let peakBytes = (Int(parts[2]) ?? .max) * 1024
      let bound = footprint + size * 10 + 100 * 1_048_576
      #expect(peakBytes <= bound, "\(name): \(peakBytes / 1_048_576) MiB used, bound \(bound / 1_048_576) MiB")
      #expect(seconds < 20, "\(name): \(seconds) s")
    }
  }
}
