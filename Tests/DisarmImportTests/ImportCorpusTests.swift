import DisarmFramework
import DisarmImport
import DisarmModel
import DisarmTestSupport
import DisarmWorkbook
import Foundation
import Testing

/// `disarm import` against the DISARM Foundation's own master spreadsheets: each of the six in
/// `../shared/corpus/masters/` gives, file for file and byte for byte, the non-stale pages of its release.
///
/// Incidents are not in the framework's spreadsheet but in DISARM's data workbook (`DISARM_DATA_MASTER.xlsx`), which
/// the corpus does not have; the test makes one with `disarm export xlsx` from the release's own pages (its incident
/// sheets are the only ones the import reads from it), so the framework's objects come from the Foundation's
/// spreadsheet and the incidents from the pages.
@Suite(.serialized) struct ImportCorpusTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var template: KnowledgeBase.Template
    /// Pages that differ from the release, or are only on one side, each with the reason.
    var exceptions: [String: String]
    var testDescription: String { name }
  }

  static let blankIncidentRows =
    "the data workbook's blank incident rows: DISARM's generator wrote each as `incidents/.md` and an empty index row; the import skips blank rows"
  static let t0039 =
    "the techniques sheet writes 'T0039 ' with a trailing space: the generator wrote `T0039 .md`, listed it so, and could not match the counters naming T0039; the import trims the identifier (sheet-id-whitespace)"

  static let cases: [Case] = [
    Case(
      name: "disarm-2022-07-02", template: .generation2022,
      exceptions: [
        "techniques/T0039 .md": t0039, "techniques/T0039.md": t0039, "techniques_index.md": t0039,
        "tactics/TA08.md": t0039, "disarm_red_framework.md": t0039,
      ].merging(t0039Counters.map { ($0, t0039) }, uniquingKeysWith: { a, _ in a })),
    Case(
      name: "disarm-2024-03-13", template: .generation2022,
      exceptions: [
        "incidents/I00066.md":
          "its summary ends with a line break, which the page reader (and so the data workbook made from the pages) does not keep"
      ]),
    Case(
      name: "disarm-2024-11-22", template: .generation2022,
      exceptions: ["incidents_index.md": blankIncidentRows, "incidents/.md": blankIncidentRows]),
    Case(
      name: "disarm-2025-02-10", template: .generation2025,
      exceptions: ["incidents_index.md": blankIncidentRows, "incidents/.md": blankIncidentRows]),
    Case(
      name: "disarm-2025-07-03", template: .generation2025,
      exceptions: ["incidents_index.md": blankIncidentRows, "incidents/.md": blankIncidentRows]),
    Case(name: "disarm-2026-07-19", template: .generation2025, exceptions: [:]),
  ]

  /// The 2022 counters whose techniques include T0039 (see ``t0039``).
  static let t0039Counters = [
    "counters/C00009.md", "counters/C00012.md", "counters/C00027.md", "counters/C00046.md", "counters/C00072.md",
    "counters/C00073.md", "counters/C00076.md", "counters/C00087.md", "counters/C00092.md", "counters/C00093.md",
    "counters/C00114.md", "counters/C00133.md", "counters/C00154.md", "counters/C00160.md", "counters/C00162.md",
    "counters/C00169.md", "counters/C00184.md", "counters/C00188.md", "counters/C00203.md",
  ]

  static func master(_ name: String) -> URL {
    Corpus.root.appendingPathComponent("masters/\(name)/DISARM_FRAMEWORKS_MASTER.xlsx")
  }

  /// Every `.md` file under `folder`, relative.
  static func pages(in folder: URL) -> Set<String> {
    var paths = Set<String>()
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    while let path = enumerator?.nextObject() as? String {
      if path.hasSuffix(".md") { paths.insert(path) }
    }
    return paths
  }

  @Test(.enabled(if: Corpus.available, Corpus.skipMessage), arguments: cases)
  func importGivesTheReleasesNonStalePages(_ test: Case) throws {
    let release = Corpus.pages(test.name)
    let kb = try KnowledgeBaseLoader.load(from: release.path)
    let expected = Self.nonStalePages(kb)

    let root = TemporaryFolder.make("disarm-import-corpus")
    defer { try? FileManager.default.removeItem(at: root) }
    let data = root.appendingPathComponent("data.xlsx")
    try Data(WorkbookExport.bytes(kb)).write(to: data)
    let into = root.appendingPathComponent("pages")
    let plan = try WorkbookImport.plan(
      WorkbookImport.Request(
        workbook: Self.master(test.name).path, data: data.path, into: into.path, template: test.template
      ).validated())
    #expect(!plan.hasErrors, "\(plan.diagnostics.filter { $0.severity == .error }.prefix(5).map(\.formatted))")
    #expect(plan.framework.name == kb.framework.name)
    _ = try #require(plan.changePlan).verified().write()

    try Self.expectSamePages(into, as: release, expected: expected, exceptions: test.exceptions)
  }

  /// The non-stale pages of a release: those of the objects its indexes list, its whole pages, and pages an index
  /// links although their name is no identifier (`incidents/.md`, `techniques/T0039 .md`).
  static func nonStalePages(_ kb: KnowledgeBase) -> Set<String> {
    var expected = Set(kb.objects.values.filter { !$0.isStale }.compactMap { $0.page?.path })
    expected.formUnion(kb.wholePages.map(\.path))
    for kind in ObjectKind.allCases {
      for case .unassignedPage(let page) in kb.listing(of: kind) { expected.insert(page.path) }
    }
    return expected
  }

  /// Every page of `into` equals the release's, and every expected page is there, but for the listed exceptions,
  /// each of which must really differ.
  static func expectSamePages(
    _ into: URL, as release: URL, expected: Set<String>, exceptions: [String: String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let written = Self.pages(in: into)
    var differing: [String] = []
    for path in expected.union(written).sorted() where exceptions[path] == nil {
      let mine = FileManager.default.contents(atPath: into.appendingPathComponent(path).path)
      let theirs = FileManager.default.contents(atPath: release.appendingPathComponent(path).path)
      if !expected.contains(path) || mine == nil || mine != theirs { differing.append(path) }
    }
    #expect(
      differing.isEmpty, "\(differing.count) pages differ: \(differing.prefix(10))", sourceLocation: sourceLocation)
    let identical = expected.subtracting(exceptions.keys).count
    #expect(identical > 100, "only \(identical) pages compared", sourceLocation: sourceLocation)
    for (path, reason) in exceptions {
      let mine = FileManager.default.contents(atPath: into.appendingPathComponent(path).path)
      let theirs = FileManager.default.contents(atPath: release.appendingPathComponent(path).path)
      #expect(
        mine != theirs, "\(path) is listed as an exception (\(reason)) but is identical", sourceLocation: sourceLocation
      )
    }
  }

  /// The workbook `disarm export xlsx` makes of a release, imported on its own, gives back the release's pages: the
  /// export carries every fact the pages own.
  @Test(.enabled(if: Corpus.available, Corpus.skipMessage), arguments: cases)
  func exportThenImportGivesBackTheRelease(_ test: Case) throws {
    let release = Corpus.pages(test.name)
    let kb = try KnowledgeBaseLoader.load(from: release.path)
    let root = TemporaryFolder.make("disarm-export-import")
    defer { try? FileManager.default.removeItem(at: root) }
    let workbook = root.appendingPathComponent("export.xlsx")
    try Data(WorkbookExport.bytes(kb)).write(to: workbook)
    let into = root.appendingPathComponent("pages")
    let plan = try WorkbookImport.plan(
      WorkbookImport.Request(workbook: workbook.path, into: into.path, template: test.template).validated())
    #expect(!plan.hasErrors, "\(plan.diagnostics.filter { $0.severity == .error }.prefix(5).map(\.formatted))")
    _ = try #require(plan.changePlan).verified().write()
    // The counters' T0039 rows come from the pages here, which never had them.
    let exceptions = test.exceptions.filter { !Self.t0039Counters.contains($0.key) }
    try Self.expectSamePages(into, as: release, expected: Self.nonStalePages(kb), exceptions: exceptions)
  }

  /// Into a copy of the release whose pages carry notes below the marker: the notes survive byte for byte, and the
  /// pages are otherwise the release's.
  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func notesOfAReleaseSurviveAnImport() throws {
    let name = "disarm-2025-02-10"
    let release = Corpus.pages(name)
    let kb = try KnowledgeBaseLoader.load(from: release.path)
    let root = TemporaryFolder.make("disarm-import-notes")
    defer { try? FileManager.default.removeItem(at: root) }
    let workbook = root.appendingPathComponent("data.xlsx")
    try Data(WorkbookExport.bytes(kb)).write(to: workbook)
    let into = root.appendingPathComponent("generated_pages")
    try FileManager.default.copyItem(at: release, to: into)
    var noted: [String: Data] = [:]
    for (index, path) in Self.pages(in: into).sorted().enumerated() where path.contains("/") && index % 3 == 0 {
      let url = into.appendingPathComponent(path)
      var page = try Data(contentsOf: url)
      page.append(
        Data("\n\n## Analyst notes \(index)\r\nSeen again in 2026 | T0151.008: Microblogging Platform\n\t✓\n".utf8))
      try page.write(to: url)
      noted[path] = page
    }
    #expect(noted.count > 200)
    let plan = try WorkbookImport.plan(
      WorkbookImport.Request(workbook: Self.master(name).path, data: workbook.path, into: into.path).validated())
    #expect(!plan.hasErrors)
    #expect(plan.template == .generation2025)
    _ = try #require(plan.changePlan).verified().write()
    for (path, page) in noted where kb.objects.values.contains(where: { $0.page?.path == path && !$0.isStale }) {
      #expect(FileManager.default.contents(atPath: into.appendingPathComponent(path).path) == page, "\(path)")
    }
    // Stale pages (not in the spreadsheet) are listed, not touched.
    #expect(plan.notInSpreadsheet.contains { $0.path == "tactics/TA03.md" })
    for (path, page) in noted where plan.notInSpreadsheet.contains(where: { $0.path == path }) {
      #expect(FileManager.default.contents(atPath: into.appendingPathComponent(path).path) == page, "\(path)")
    }
  }

  /// A damaged copy of DISARM's own 2025 spreadsheet: a technique's identifier given twice and the techniques'
  /// tactic column deleted are reported at their cells, and nothing is written.
  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func aDamagedCopyOfARealSpreadsheetIsReportedAtItsCells() throws {
    let book = try Workbook.read(path: Self.master("disarm-2025-02-10").path)
    var sheets = book.sheets.map { sheet in
      let width = (sheet.rows.flatMap { $0.cells.map(\.column) }.max() ?? 0) + 1
      var rows: [[String]] = []
      for row in sheet.rows {
        while rows.count < row.number - 1 { rows.append([]) }
        rows.append(
          (0..<width).map { column in
            switch row.value(at: column) {
            case .text(let text), .number(let text), .date(let text), .error(let text): text
            case .bool(let flag): flag ? "TRUE" : "FALSE"
            case nil: ""
            }
          })
      }
      return WorkbookWriter.Sheet(name: sheet.name, rows: rows)
    }
    let techniques = try #require(sheets.firstIndex { $0.name == "techniques" })
    let tactic = try #require(sheets[techniques].rows[0].firstIndex(of: "tactic_id"))
    sheets[techniques].rows[9][0] = sheets[techniques].rows[4][0]
    let root = TemporaryFolder.make("disarm-import-damaged")
    defer { try? FileManager.default.removeItem(at: root) }
    let duplicated = root.appendingPathComponent("duplicated.xlsx")
    try Data(WorkbookWriter.bytes(sheets)).write(to: duplicated)
    let into = root.appendingPathComponent("pages")
    var plan = try WorkbookImport.plan(WorkbookImport.Request(workbook: duplicated.path, into: into.path).validated())
    #expect(plan.hasErrors && plan.changes.isEmpty)
    #expect(
      plan.diagnostics.contains {
        $0.rule.rawValue == "sheet-duplicate-id" && $0.file == "\(duplicated.path):techniques!A10"
      }, "\(plan.diagnostics.filter { $0.severity == .error }.map(\.formatted))")
    sheets[techniques].rows = sheets[techniques].rows.map { row in
      row.indices.contains(tactic) ? Array(row[..<tactic] + row[(tactic + 1)...]) : row
    }
    let deleted = root.appendingPathComponent("deleted.xlsx")
    try Data(WorkbookWriter.bytes(sheets)).write(to: deleted)
    plan = try WorkbookImport.plan(WorkbookImport.Request(workbook: deleted.path, into: into.path).validated())
    #expect(
      plan.diagnostics.contains {
        $0.rule.rawValue == "sheet-column-missing" && $0.file == "\(deleted.path):techniques!A1"
          && $0.message.contains("'tactic_id'")
      })
    #expect(!FileManager.default.fileExists(atPath: into.path))
  }
}
