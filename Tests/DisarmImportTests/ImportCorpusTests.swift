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
/// Both of the Foundation's workbooks are read, as DISARM's generator read them: the framework workbook and the data
/// workbook beside it (`DISARM_DATA_MASTER.xlsx`: incidents, their techniques, references, associated techniques),
/// with no option, into an empty folder, the template chosen as the generator's. The generator's own junk is
/// reproduced too (`incidents/.md` from the data workbook's formula-only rows, `techniques/T0039 .md` from a
/// trailing space), so that no page is an exception.
@Suite(.serialized) struct ImportCorpusTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    /// The template the release was written in, which the import must choose by itself.
    var template: KnowledgeBase.Template
    /// Pages the import of the Foundation's two workbooks writes differently from the release, each with the reason.
    var exceptions: [String: String]
    /// Pages that differ when the workbook is the one `disarm export xlsx` makes of the release's pages instead.
    var exportExceptions: [String: String]
    var testDescription: String { name }
  }

  static let blankIncidentRows =
    "the exported workbook has no row for the blank `incidents/.md` (an export writes objects), so the import writes neither it nor its empty index rows"
  static let cases: [Case] = [
    Case(
      name: "disarm-2022-07-02", template: .generation2022, exceptions: [:], exportExceptions: [:]),
    Case(
      name: "disarm-2024-03-13", template: .generation2022, exceptions: [:], exportExceptions: [:]),
    Case(
      name: "disarm-2024-11-22", template: .generation2022, exceptions: [:],
      exportExceptions: ["incidents_index.md": blankIncidentRows, "incidents/.md": blankIncidentRows]),
    Case(
      name: "disarm-2025-02-10", template: .generation2025, exceptions: [:],
      exportExceptions: ["incidents_index.md": blankIncidentRows, "incidents/.md": blankIncidentRows]),
    Case(
      name: "disarm-2025-07-03", template: .generation2025, exceptions: [:],
      exportExceptions: ["incidents_index.md": blankIncidentRows, "incidents/.md": blankIncidentRows]),
    Case(name: "disarm-2026-07-19", template: .generation2025, exceptions: [:], exportExceptions: [:]),
  ]

  static func master(_ name: String) -> URL {
    Corpus.root.appendingPathComponent("masters/\(name)/DISARM_FRAMEWORKS_MASTER.xlsx")
  }

  /// Every file under `folder`, relative.
  static func files(in folder: URL) -> Set<String> {
    var paths = Set<String>()
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    while let path = enumerator?.nextObject() as? String {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder),
        !isFolder.boolValue
      {
        paths.insert(path)
      }
    }
    return paths
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
    let into = root.appendingPathComponent("pages")
    // No --data and no --template: the data workbook beside it is found, the template is the generator's.
    let plan = try WorkbookImport.plan(
      WorkbookImport.Request(workbook: Self.master(test.name).path, into: into.path).validated())
    #expect(!plan.hasErrors, "\(plan.diagnostics.filter { $0.severity == .error }.prefix(5).map(\.formatted))")
    #expect(plan.framework.name == kb.framework.name)
    #expect(plan.template == test.template)
    #expect(plan.remarks.contains { $0.contains("DISARM_DATA_MASTER.xlsx (") }, "\(plan.remarks)")
    _ = try #require(plan.changePlan).verified().write()

    try Self.expectSamePages(into, as: release, expected: expected, exceptions: test.exceptions)
    // File for file: nothing but pages, and the writer's lock (see docs/RELIABILITY.md).
    #expect(Self.files(in: into).subtracting(Self.pages(in: into)) == [".disarm.lock"])
  }

  /// `--strict` on the Foundation's workbooks: every quirk the generator tolerated is an error at its cell, and
  /// nothing is written; without it the same findings are warnings.
  @Test(.enabled(if: Corpus.available, Corpus.skipMessage), arguments: cases)
  func strictRefusesEveryQuirkAtItsCell(_ test: Case) throws {
    let root = TemporaryFolder.make("disarm-import-strict")
    defer { try? FileManager.default.removeItem(at: root) }
    let into = root.appendingPathComponent("pages")
    let lenient = try WorkbookImport.plan(
      WorkbookImport.Request(workbook: Self.master(test.name).path, into: into.path).validated())
    let strict = try WorkbookImport.plan(
      WorkbookImport.Request(workbook: Self.master(test.name).path, into: into.path, strict: true).validated())
    let warnings = lenient.diagnostics.filter { $0.severity == .warning }
    #expect(strict.diagnostics.filter { $0.severity == .error }.count == warnings.count)
    #expect(strict.diagnostics.allSatisfy { $0.severity == .error })
    #expect(strict.diagnostics.map(\.file) == lenient.diagnostics.map(\.file))
    #expect(strict.diagnostics.allSatisfy { $0.file.contains(".xlsx:") && $0.file.contains("!") })
    if warnings.isEmpty {
      #expect(strict.changePlan != nil)
    } else {
      #expect(strict.changePlan == nil && strict.changes.isEmpty)
    }
    #expect(!FileManager.default.fileExists(atPath: into.path))
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
    try Self.expectSamePages(into, as: release, expected: Self.nonStalePages(kb), exceptions: test.exportExceptions)
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
