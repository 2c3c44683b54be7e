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
    // The non-stale pages: those of the objects the release's indexes list, and its whole pages.
    var expected = Set(kb.objects.values.filter { !$0.isStale }.compactMap { $0.page?.path })
    expected.formUnion(kb.wholePages.map(\.path))
    // Pages an index links although their name is no identifier (`incidents/.md`, `techniques/T0039 .md`).
    for kind in ObjectKind.allCases {
      for case .unassignedPage(let page) in kb.listing(of: kind) { expected.insert(page.path) }
    }

    let root = TemporaryFolder.make("disarm-import-corpus")
    defer { try? FileManager.default.removeItem(at: root) }
    let data = root.appendingPathComponent("data.xlsx")
    try Data(WorkbookExport.bytes(kb)).write(to: data)
    let into = root.appendingPathComponent("pages")
    let plan = try WorkbookImport.plan(
      WorkbookImport.Request(
        workbook: Self.master(test.name).path, data: data.path, into: into.path, template: test.template))
    #expect(!plan.hasErrors, "\(plan.diagnostics.filter { $0.severity == .error }.prefix(5).map(\.formatted))")
    #expect(plan.framework.name == kb.framework.name)
    _ = try WorkbookImport.write(plan, prune: false)

    let written = Self.pages(in: into)
    var differing: [String] = []
    for path in expected.union(written).sorted() where test.exceptions[path] == nil {
      let mine = FileManager.default.contents(atPath: into.appendingPathComponent(path).path)
      let theirs = FileManager.default.contents(atPath: release.appendingPathComponent(path).path)
      if !expected.contains(path) || mine == nil || mine != theirs { differing.append(path) }
    }
    #expect(differing.isEmpty, "\(differing.count) pages differ: \(differing.prefix(10))")
    let identical = expected.subtracting(test.exceptions.keys).count
    #expect(identical > 100, "only \(identical) pages compared")
    // Every exception is real: the page does differ (or is on one side only), so the list cannot go stale unseen.
    for (path, reason) in test.exceptions {
      let mine = FileManager.default.contents(atPath: into.appendingPathComponent(path).path)
      let theirs = FileManager.default.contents(atPath: release.appendingPathComponent(path).path)
      #expect(mine != theirs, "\(path) is listed as an exception (\(reason)) but is identical")
    }
  }
}
