import DisarmDiagnostics
import DisarmLint
import DisarmModel
import DisarmRegeneration
import DisarmSupport
import Foundation

/// `lint --fix`: the findings' fix-its applied (spaces around a heading name), then derived content regenerated
/// from the fixed pages. What is its own is only how the new contents are made; the writing is the executor's.
public struct LintFix: EditRequest {
  /// The page folder (already resolved).
  public var folder: URL
  /// A framework description's name or file (nil: the folder's).
  public var framework: String?

  public init(folder: URL, framework: String? = nil) {
    self.folder = folder
    self.framework = framework
  }

  public func validate() throws(EditRefusal) { try EditRefusal.requireFolder(folder) }

  /// What the fix did: the number of pages written and the `page-changed-on-disk` findings of pages edited while it
  /// ran (left alone).
  public struct Outcome: Sendable {
    public var written: Int
    public var conflicts: [Diagnostic]
  }

  /// Fixes the knowledge base holding its writer lock for the whole run (so the pages read are the pages replaced):
  /// fix-its first, then, from the fixed pages, the regeneration of derived content (derived pages repeat names).
  public static func run(_ request: Validated<Self>) throws(DisarmError) -> Outcome {
    let folder = request.request.folder
    let lock = try DisarmError.writing { () throws(WriteError) in try EditLock(folder) }
    var written = Set<String>()
    var conflicts: [Diagnostic] = []
    var checked = try load(request)
    let fixed = FixItApplication.pages(fixing: checked.diagnostics, sources: checked.kb.sourceFiles())
    if !fixed.isEmpty {
      let changes = try DisarmError.writing { () throws(WriteError) in try PageSync.changes(fixed, in: folder) }
      let report = try write(request, changes, errorsBefore: checked.diagnostics, holding: lock)
      written.formUnion(report.written.map(\.page.path))
      checked.record(report.conflicts)
      conflicts += checked.diagnostics.filter { $0.rule == PageChangedOnDiskRule.id }
      checked = try load(request)
    }
    let changes = try DisarmError.writing { () throws(WriteError) in try checked.changes(in: folder, reporting: false) }
    let report = try write(request, changes, errorsBefore: checked.diagnostics, holding: lock)
    written.formUnion(report.written.map(\.page.path))
    checked.record(report.conflicts)
    conflicts += checked.diagnostics.filter { $0.rule == PageChangedOnDiskRule.id }
    return Outcome(written: written.count, conflicts: conflicts)
  }

  /// One plan of `changes`, verified and written.
  private static func write(
    _ request: Validated<Self>, _ changes: [PageSync.Change], errorsBefore: [Diagnostic], holding lock: EditLock
  ) throws(DisarmError) -> EditReport {
    let errors = errorsBefore.filter { $0.severity == .error }
    let plan = ChangePlan(
      for: request, folder: request.request.folder, changes: changes,
      verification: .overlay(framework: request.request.framework, errorsBefore: errors))
    let verified = try DisarmError.refusing { () throws(EditRefusal) in try plan.verified() }
    return try DisarmError.writing { () throws(WriteError) in try verified.write(holding: lock) }
  }

  private static func load(_ request: Validated<Self>) throws(DisarmError) -> CheckedKnowledgeBase {
    try DisarmError.loading { () throws(LoadError) in
      try CheckedKnowledgeBase.load(request.request.folder.path, framework: request.request.framework)
    }
  }
}
