import DisarmDiagnostics
import DisarmEditing
import DisarmFramework
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmSupport
import DisarmWorkbook
import Foundation

/// `disarm import`: a framework's master spreadsheet made into its page tree, exactly as DISARM's generator writes
/// it, checked first, written through the safe writer.
///
/// The spreadsheet is read into records (``ImportedSpreadsheet``) and checked (``SpreadsheetChecks``); with an error
/// nothing is written. Otherwise each row becomes a seed page (``ImportedPages``) keeping the notes of the page
/// already in the folder, the seeds are loaded from memory as a knowledge base and regenerated like any page tree,
/// and the pages that differ from the folder's are planned as compare-and-swap writes. Pages of objects the
/// spreadsheet no longer has are reported, and removed only with `--prune`.
public enum WorkbookImport {
  /// What the user asked for.
  public struct Request: EditRequest {
    /// The framework's master spreadsheet (`DISARM_FRAMEWORKS_MASTER.xlsx`).
    public var workbook: String
    /// The data workbook holding incidents (`DISARM_DATA_MASTER.xlsx`); by default the one beside `workbook`, if any.
    public var data: String?
    /// The folder to write the pages into (or a folder holding `generated_pages/`).
    public var into: String
    /// A framework description's name or file; by default the folder's, else the one the spreadsheet fits.
    public var framework: String?
    /// The page template to write; by default the folder's, else the framework's current one (2025).
    public var template: KnowledgeBase.Template?
    /// Whether the pages of objects the spreadsheet no longer has are removed (`--prune`).
    public var prune: Bool
    /// Whether every quirk DISARM's generator tolerated (a warning) stops the import instead (`--strict`): for teams
    /// that want a clean spreadsheet rather than the release reproduced.
    public var strict: Bool

    public init(
      workbook: String, data: String? = nil, into: String, framework: String? = nil,
      template: KnowledgeBase.Template? = nil, prune: Bool = false, strict: Bool = false
    ) {
      self.workbook = workbook
      self.data = data
      self.into = into
      self.framework = framework
      self.template = template
      self.prune = prune
      self.strict = strict
    }

    /// The workbook and the folder are named. (Whether the workbook can be read is the reader's to say, with the
    /// exact reason; an unreadable workbook is refused before anything is written all the same.)
    public func validate() throws(EditRefusal) {
      guard !workbook.isEmpty else { throw EditRefusal("no spreadsheet given") }
      guard !into.isEmpty else { throw EditRefusal("--into names no folder") }
    }
  }

  /// The import worked out, nothing written yet.
  public struct Plan: Sendable {
    /// The spreadsheet's findings; with an error the plan has no changes.
    public var diagnostics: [Diagnostic]
    /// The framework and template the pages are written in.
    public var framework: FrameworkDescription
    public var template: KnowledgeBase.Template
    /// The page folder written into.
    public var folder: URL
    /// Every page of the imported tree, by path.
    public var pages: [String]
    /// The pages to create or rewrite, and with `--prune` to remove, for the editing executor (nil when the
    /// spreadsheet has errors: nothing may be written).
    public var changePlan: ChangePlan?
    /// The pages to create or rewrite.
    public var changes: [PageSync.Change] { changePlan?.changes ?? [] }
    /// Pages in the folder of objects the spreadsheet does not have (removed only with `--prune`), with their bytes.
    public var notInSpreadsheet: [(path: String, bytes: [UInt8])]
    /// Notes for the user: where incidents came from, which workbooks were read.
    public var remarks: [String]
    /// What planning built (the workbooks, the seeds and the knowledge base read from them), held so that a command
    /// can keep it until the process ends: freeing it object by object cost 2–3 ms of an import.
    public var built: [any Sendable] = []

    /// Whether the spreadsheet has an error (nothing may be written).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
  }

  /// The file name DISARM keeps incidents in, looked for beside the framework's spreadsheet.
  public static let dataWorkbookName = "DISARM_DATA_MASTER.xlsx"

  /// Reads and checks the spreadsheet and works out every page to write, writing nothing.
  public static func plan(_ validated: Validated<Request>) throws(EditRefusal) -> Plan {
    let request = validated.request
    Trace.mark("import")
    // The folder is read first (its framework says which sheets to read), and created only when written to.
    let folder = try resolveFolder(request.into)
    let existing = try existingPages(folder, framework: request.framework)
    let given =
      try request.framework.map { name throws(EditRefusal) in try resolveFramework(name) } ?? existing?.framework
    // Only the sheets the framework reads are parsed; without one yet, those of every built-in framework.
    let sheets = Set(
      (given.map { [$0] } ?? BuiltInFrameworks.all).flatMap { $0.workbook.values.map(\.sheet) })
    var remarks: [String] = []
    var dataPath = request.data
    if dataPath == nil {
      // Named as the user named the spreadsheet (relative stays relative), for the messages that cite its cells.
      let folder = (request.workbook as NSString).deletingLastPathComponent
      let beside = folder.isEmpty ? dataWorkbookName : (folder as NSString).appendingPathComponent(dataWorkbookName)
      if (beside as NSString).standardizingPath != (request.workbook as NSString).standardizingPath,
        FileManager.default.fileExists(atPath: beside)
      {
        dataPath = beside
      }
    }
    // The two workbooks are read together, their parts on all cores: the data workbook is the larger (DISARM's
    // inflates to 30 MB, most of it one sheet's padding).
    let books = Workbook.read(paths: [request.workbook] + (dataPath.map { [$0] } ?? []), only: sheets)
    let main = try book(books[0])
    let data = try dataPath.map { path throws(EditRefusal) in (file: path, book: try book(books[1])) }
    Trace.mark("read the workbooks")
    let framework = given ?? WorkbookFramework.detect(main) ?? BuiltInFrameworks.standard
    guard !framework.workbook.isEmpty else {
      throw EditRefusal(
        "the \(framework.name) framework describes no spreadsheet (its description has no 'workbook:' section)")
    }
    let spreadsheet = ImportedSpreadsheet(
      framework: framework, main: (request.workbook, main), data: data.map { ($0.file, $0.book) })
    var diagnostics = SpreadsheetChecks.run(spreadsheet)
    if request.strict {
      for index in diagnostics.indices where diagnostics[index].severity == .warning {
        diagnostics[index].severity = .error
      }
    }
    Trace.mark("records and checks")
    let template =
      request.template ?? existing.flatMap { kb in
        kb.template == .unknown ? nil : PageRenderer.effectiveTemplate(of: kb)
      }
      ?? generatorTemplate(of: spreadsheet, dataRead: data != nil)
    let dataSheets = WorkbookSheet.dataRecords.compactMap { name in
      spreadsheet.records[name]?.file == data?.file ? framework.workbook[name]?.sheet : nil
    }.sorted()
    remarks.append(
      "read \(request.workbook)"
        + (data.map { " and \($0.file) (\(dataSheets.isEmpty ? "no sheet used" : dataSheets.joined(separator: ", ")))" }
          ?? " (no data workbook: no \(WorkbookImport.dataWorkbookName) beside it, and no --data)"))
    var plan = Plan(
      diagnostics: diagnostics, framework: framework, template: template, folder: folder, pages: [], changePlan: nil,
      notInSpreadsheet: [], remarks: remarks)
    if plan.hasErrors { return plan }

    // Notes of the pages already there: kept below the marker of the same page.
    var notes: [String: [UInt8]] = [:]
    // (An unassigned page, `incidents/.md`, keeps its notes too: the import writes it again.)
    for page in (existing?.objects.values.compactMap(\.page) ?? []) + (existing?.unassignedPages ?? []) {
      // A page without the marker is all notes, as DISARM's generator treated it.
      notes[page.path] = page.notes?.tail ?? (Array((Notes.marker).utf8) + page.file.bytes)
    }
    // The imported tree is read from memory over an empty folder (made here, removed when done).
    let scratch = emptyFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let empty = try load(pageFolder: scratch, framework: framework, overlay: [:])
    let imported = ImportedPages(spreadsheet: spreadsheet, kb: empty, template: template, notes: notes)
    var overlay = imported.seeds()
    // Without the data workbook, the incidents the folder already has stay as they are and still feed the techniques'
    // incident tables.
    if spreadsheet.records["incident"] == nil, let existing, let words = framework.kind(.incident) {
      let pages = existing.objects(of: .incident).compactMap(\.page)
      for page in pages { overlay[page.path] = page.file.bytes }
      if let index = words.index, let page = existing.wholePages.first(where: { $0.path == index }) {
        overlay[index] = page.file.bytes
      }
      remarks.append(
        pages.isEmpty
          ? "no \(framework.workbook["incident"]?.sheet ?? "incidents") sheet (give the data workbook with --data): no \(words.plural) are written"
          : "no \(framework.workbook["incident"]?.sheet ?? "incidents") sheet (give the data workbook with --data): the \(pages.count) \(words.plural) in the folder are kept as they are"
      )
    }
    Trace.mark("seed pages")
    let kb = try load(pageFolder: scratch, framework: framework, overlay: overlay)
    var rendered = PageRenderer.render(kb, template: template).pages
    Trace.mark("render")
    for (path, bytes) in try RowsAsWrittenPages(pages: imported, seeds: overlay, scratch: scratch).render() {
      rendered.append(RenderedPage(path: path, bytes: bytes))
    }
    Trace.mark("regenerate")
    // Each page compared with the folder's file, which a write may replace only if it still holds those bytes.
    var pages: [RenderedPage] = []
    let base = folder.path
    for page in rendered {
      let path = base.hasSuffix("/") ? base + page.path : base + "/" + page.path
      // Most pages of an import into a new folder are not there: one `stat` says so, where Foundation's read takes
      // a hundred times longer to fail.
      var status = stat()
      let absent = stat(path, &status) != 0 && errno == ENOENT
      let current = absent ? nil : FileManager.default.contents(atPath: path).map { [UInt8]($0) }
      pages.append(RenderedPage(path: page.path, bytes: page.bytes, basis: current.map { .bytes($0) } ?? .absent))
    }
    let changes: [PageSync.Change]
    do {
      changes = try PageSync.plan(pages, in: folder).changes
    } catch {
      throw EditRefusal(error.description)
    }
    Trace.mark("compare with the folder")
    plan.pages = pages.map(\.path)
    let importedPaths = Set(plan.pages)
    for object in (existing?.objects.values).map(Array.init) ?? [] {
      guard let page = object.page, !importedPaths.contains(page.path) else { continue }
      if spreadsheet.records[object.kind.rawValue] == nil { continue }
      plan.notInSpreadsheet.append((page.path, page.file.bytes))
    }
    plan.notInSpreadsheet.sort { $0.path < $1.path }
    plan.remarks = remarks
    plan.built = [main, data.map(\.book), spreadsheet, imported, kb, empty, overlay, rendered]
    // The spreadsheet was checked and the whole tree regenerated from memory above.
    plan.changePlan = ChangePlan(
      for: validated, folder: folder, changes: changes,
      removals: request.prune ? plan.notInSpreadsheet.map { PageRemoval(path: $0.path, bytes: $0.bytes) } : [],
      createsFolder: true, verification: .checkedWhilePlanning)
    return plan
  }

  /// The template of the generator that made these workbooks' pages, for a folder that has none yet: DISARM's
  /// generator wrote the 2025 template from February 2025, when the data workbook gained its
  /// `associatedtechniques` sheet (the 2025 technique page's Associated Technique table); before, the 2022 one.
  /// Without the data workbook, or for a framework whose workbook has no such sheet, the current template (2025).
  static func generatorTemplate(of spreadsheet: ImportedSpreadsheet, dataRead: Bool) -> KnowledgeBase.Template {
    guard dataRead, spreadsheet.framework.workbook["associated-technique"] != nil else { return .generation2025 }
    return spreadsheet.records["associated-technique"] == nil ? .generation2022 : .generation2025
  }

  static func book(_ read: Result<Workbook, WorkbookError>) throws(EditRefusal) -> Workbook {
    do {
      return try read.get()
    } catch {
      throw EditRefusal(error.description)
    }
  }

  /// The page folder for `path` (its `generated_pages/` when it has one), or `path` itself when it does not exist
  /// yet: it is created only when the import writes.
  static func resolveFolder(_ path: String) throws(EditRefusal) -> URL {
    guard FileManager.default.fileExists(atPath: path) else { return URL(fileURLWithPath: path, isDirectory: true) }
    do {
      return try PageFolder.resolve(path)
    } catch {
      throw EditRefusal(error.description)
    }
  }

  /// The knowledge base already in the folder, or nil when it has no pages.
  static func existingPages(_ folder: URL, framework: String?) throws(EditRefusal) -> KnowledgeBase? {
    guard FileManager.default.fileExists(atPath: folder.path) else { return nil }
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    guard entries.contains(where: { !$0.hasPrefix(".") }) else { return nil }
    do {
      let kb = try KnowledgeBaseLoader.load(from: folder.path, framework: framework)
      return kb.objects.isEmpty && kb.wholePages.isEmpty ? nil : kb
    } catch {
      throw EditRefusal(error.description)
    }
  }

  /// A framework description named on the command line (a built-in name or a file).
  static func resolveFramework(_ name: String) throws(EditRefusal) -> FrameworkDescription {
    do {
      return try FrameworkChoice.resolve(name, relativeTo: FileManager.default.currentDirectoryPath)
    } catch {
      throw EditRefusal(error.description)
    }
  }

  static func load(pageFolder: URL, framework: FrameworkDescription, overlay: [String: [UInt8]]) throws(EditRefusal)
    -> KnowledgeBase
  {
    do {
      return try KnowledgeBaseLoader.load(pageFolder: pageFolder, framework: framework, overlay: overlay)
    } catch {
      throw EditRefusal(error.description)
    }
  }

  /// A new empty folder: the imported tree is read from memory, over nothing on disk.
  static func emptyFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "disarm-import-\(getpid())-\(UInt32.random(in: 0...UInt32.max))", isDirectory: true)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
