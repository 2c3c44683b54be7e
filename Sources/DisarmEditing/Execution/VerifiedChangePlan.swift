import DisarmDiagnostics
import DisarmLint
import DisarmModel
import DisarmRegeneration
import DisarmSupport
import Foundation

/// A ``ChangePlan`` that has been checked against the whole knowledge base: the only thing that can be written.
public struct VerifiedChangePlan: Sendable {
  /// The plan, unchanged by verification.
  public let plan: ChangePlan

  fileprivate init(plan: ChangePlan) { self.plan = plan }
}

extension ChangePlan {
  /// Whether the plan is the language server's, applied by the editor.
  var isForTheEditor: Bool {
    if case .inTheEditor = verification { return true }
    return false
  }

  /// Checks the plan against the whole knowledge base with its pages read from memory (see ``Verification``);
  /// refuses it when a planned page would have an error it does not have today. Nothing is written.
  public func verified() throws(EditRefusal) -> VerifiedChangePlan {
    guard case .overlay(let framework, let errorsBefore) = verification, !changes.isEmpty else {
      return VerifiedChangePlan(plan: self)
    }
    let kb = try EditRefusal.refusing {
      try KnowledgeBaseLoader.load(from: folder.path, framework: framework, overlay: overlay)
    }
    let planned = Set(changes.map(\.page.path))
    let before = Self.errorCounts(errorsBefore, in: planned)
    var after = Self.errorCounts(Linter.check(kb).diagnostics, in: planned)
    for (key, count) in before { after[key, default: 0] -= count }
    if let new = after.filter({ $0.value > 0 }).keys.sorted(by: { ($0.file, $0.rule) < ($1.file, $1.rule) }).first {
      throw EditRefusal("\(new.file): the change would add an error: \(new.message) [\(new.rule)]; nothing written")
    }
    return VerifiedChangePlan(plan: self)
  }

  /// The error findings about `paths`, counted by file, rule and message (lines move when a page is regenerated).
  private static func errorCounts(_ diagnostics: [Diagnostic], in paths: Set<String>) -> [ErrorKey: Int] {
    var counts: [ErrorKey: Int] = [:]
    for diagnostic in diagnostics where diagnostic.severity == .error && paths.contains(diagnostic.file) {
      counts[
        ErrorKey(file: diagnostic.file, rule: diagnostic.rule.rawValue, message: diagnostic.message), default: 0] +=
        1
    }
    return counts
  }

  private struct ErrorKey: Hashable {
    var file: String
    var rule: String
    var message: String
  }
}

extension VerifiedChangePlan {
  /// Writes the plan: under the knowledge base's writer lock (`lock`, or taken here), each page created or
  /// rewritten only while its file still holds the bytes the plan replaces, each removal likewise; every page
  /// written atomically. Pages that changed on disk meanwhile are left alone and returned as conflicts.
  public func write(holding lock: EditLock? = nil) throws(WriteError) -> EditReport {
    precondition(!plan.isForTheEditor, "the language server's plans go to the editor, never to disk")
    if plan.createsFolder, !FileManager.default.fileExists(atPath: plan.folder.path) {
      do {
        try FileManager.default.createDirectory(at: plan.folder, withIntermediateDirectories: true)
      } catch {
        throw WriteError(path: plan.folder.path, reason: "cannot create the folder (\(error.localizedDescription))")
      }
    }
    let taken = lock == nil ? try EditLock(plan.folder) : nil
    defer { withExtendedLifetime(taken) {} }
    var conflicts = try PageWriter.apply(plan.changes, in: plan.folder)
    let removalConflicts = try PageWriter.remove(plan.removals, in: plan.folder)
    conflicts += removalConflicts
    let skipped = Set(conflicts.map(\.path))
    return EditReport(
      written: plan.changes.filter { !skipped.contains($0.page.path) },
      removed: plan.removals.map(\.path).filter { !skipped.contains($0) }, conflicts: conflicts)
  }
}
