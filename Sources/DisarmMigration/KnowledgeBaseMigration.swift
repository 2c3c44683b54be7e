import DisarmDiagnostics
import DisarmEditing
import DisarmLint
import DisarmModel
import DisarmRegeneration
import DisarmSupport
import Foundation

/// `disarm migrate --kb KB`: a knowledge base's own pages carried to a new release through the one writer. Its own
/// pages are those of objects the new release does not have: its incidents, its local techniques and counters. Each
/// is migrated as text above its notes marker (the rows' codes, link targets and the names written after codes);
/// the notes are never read. The pages are then read from memory with the rest of the knowledge base, checked, and
/// every derived page regenerated (a technique's incident table gains the incidents that now name it), as `disarm
/// import` does: a planned page that would have an error the knowledge base did not have refuses the whole plan.
public enum KnowledgeBaseMigration {
  /// The knowledge base to migrate.
  public struct Request: EditRequest {
    public var folder: String
    /// A framework description's name or file (nil: the folder's).
    public var framework: String?

    public init(folder: String, framework: String?) {
      self.folder = folder
      self.framework = framework
    }

    public func validate() throws(EditRefusal) {
      guard !folder.isEmpty else { throw EditRefusal("--kb names no folder") }
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
        throw EditRefusal("\(folder): no such folder")
      }
    }
  }

  /// What migrating the pages would change.
  public struct Plan: Sendable {
    /// One entry per page migrated, with its items (paths relative to the page folder).
    public var files: [MigrationResult.File]
    /// The pages to write, derived ones included; nil when nothing changes.
    public var changePlan: ChangePlan?

    /// Writes the plan through the editing executor: a line saying what was written.
    public func write() throws(DisarmError) -> String {
      guard let changePlan, !changePlan.isEmpty else { return "the knowledge base's pages need no change" }
      let verified = try DisarmError.refusing { () throws(EditRefusal) in try changePlan.verified() }
      let report = try DisarmError.writing { () throws(WriteError) in try verified.write() }
      var line = "wrote \(report.written.count) pages of the knowledge base"
      if !report.conflicts.isEmpty {
        line +=
          "; \(report.conflicts.count) changed on disk while disarm was running and were left alone: "
          + report.conflicts.map(\.path).joined(separator: ", ")
      }
      return line
    }
  }

  /// The plan for a validated request, with `mapping` from the release the pages were written for.
  public static func plan(_ validated: Validated<Request>, mapping: ReleaseMapping) throws(EditRefusal) -> Plan {
    let request = validated.request
    let folder: URL
    let kb: KnowledgeBase
    do {
      folder = try PageFolder.resolve(request.folder)
      kb = try KnowledgeBaseLoader.load(from: request.folder, framework: request.framework)
    } catch {
      throw EditRefusal(error.description)
    }
    let own = Set(
      kb.orderedObjects.map(\.id).filter { mapping.new[$0] == nil && mapping.old[$0] == nil }.map(\.string))
    // Its own pages: every incident (analysts' data, written against some release) and every object the new release
    // does not have (a local technique, counter or extension).
    let (files, overlay) = migratedPages(of: kb, mapping: mapping, own: own) {
      $0.kind == .incident || mapping.new[$0.id] == nil
    }
    guard !overlay.isEmpty else { return Plan(files: files, changePlan: nil) }
    let with: KnowledgeBase
    do {
      with = try KnowledgeBaseLoader.load(from: request.folder, framework: request.framework, overlay: overlay)
    } catch {
      throw EditRefusal(error.description)
    }
    let before = Set(Linter.check(kb).diagnostics.filter { $0.severity == .error }.map(Self.key))
    var checked = Linter.check(with)
    let touched = Set(overlay.keys)
    if let first = checked.diagnostics.first(where: {
      $0.severity == .error && touched.contains($0.file) && !before.contains(Self.key($0))
    }) {
      throw EditRefusal("\(first.file) would have an error: \(first.message) [\(first.rule)]")
    }
    let changes = try pageChanges(&checked, folder: folder, overlay: overlay, before: kb)
    guard !changes.isEmpty else { return Plan(files: files, changePlan: nil) }
    let plan = ChangePlan(for: validated, folder: folder, changes: changes, verification: .checkedWhilePlanning)
    return Plan(files: files, changePlan: plan)
  }

  /// The pages to write: every derived page the checked knowledge base changes (an extension's local pages only),
  /// and each migrated page of `overlay` as regeneration renders it (its rows' names brought up to date), or as
  /// migrated when regeneration leaves it alone; sorted by path.
  static func pageChanges(
    _ checked: inout CheckedKnowledgeBase, folder: URL, overlay: [String: [UInt8]], before kb: KnowledgeBase
  ) throws(EditRefusal) -> [PageSync.Change] {
    let touched = Set(overlay.keys)
    var changes = try EditRefusal.refusing { try checked.changes(in: folder, reporting: false) }
      .filter { !touched.contains($0.page.path) }
    var rendered: [String: [UInt8]] = [:]
    for page in checked.rendered.pages where touched.contains(page.path) { rendered[page.path] = page.bytes }
    let sources = kb.sourceFiles()
    for path in touched.sorted() {
      let original = sources[path]?.bytes
      let bytes = rendered[path] ?? overlay[path]!
      guard bytes != original else { continue }
      changes.append(
        PageSync.Change(
          page: RenderedPage(path: path, bytes: bytes, basis: original.map { .bytes($0) } ?? .absent),
          current: original))
    }
    return changes.sorted { $0.page.path < $1.page.path }
  }

  /// The pages of the objects `selected` chooses, migrated as text above their notes marker (codes, link targets,
  /// names after codes; `own` are identifiers of the knowledge base's own, never reported as unknown): one entry per
  /// page that mentions an identifier, and the new bytes of each page that changed.
  static func migratedPages(
    of kb: KnowledgeBase, mapping: ReleaseMapping, own: Set<String>, selected: (DisarmObject) -> Bool
  ) -> (files: [MigrationResult.File], overlay: [String: [UInt8]]) {
    var files: [MigrationResult.File] = []
    var overlay: [String: [UInt8]] = [:]
    for object in kb.orderedObjects where selected(object) {
      guard let page = object.page else { continue }
      let bytes = page.file.bytes
      let end = page.notes?.markerOffset ?? bytes.count
      let migrated = TextMigration.migrate(
        bytes, file: page.path, range: 0..<end, header: false, mapping: mapping, own: own)
      guard migrated.identifiers > 0 else { continue }
      files.append(migrated)
      if migrated.isChanged { overlay[page.path] = migrated.migrated }
    }
    return (files, overlay)
  }

  /// A finding without its position, to tell errors the migration made from those the pages already had.
  static func key(_ diagnostic: Diagnostic) -> String {
    "\(diagnostic.file)\u{0}\(diagnostic.rule)\u{0}\(diagnostic.message)"
  }
}
