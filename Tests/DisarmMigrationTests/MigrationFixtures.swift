import DisarmModel
import DisarmTestSupport
import Foundation

@testable import DisarmMigration

/// Two small releases whose differences are known, one of each kind a migration meets:
/// T0001 unchanged; T0002 renamed (Beta → Beta Prime); T0003 moved from TA01 to TA02; T0004 retired, replaced by
/// T0007 (so a file naming both merges); T0005 retired without a replacement; T0006 removed without a register entry;
/// T0008 retired and replaced by the tactic TA02 (another kind); T0007 added.
enum MigrationFixtures {
  static let oldPages: [String: String] = [
    "phases/P01.md": SamplePages.phase("P01", "Plan"),
    "tactics/TA01.md": SamplePages.tactic("TA01", "First Tactic"),
    "tactics/TA02.md": SamplePages.tactic("TA02", "Second Tactic"),
    "techniques/T0001.md": SamplePages.technique("T0001", "Alpha"),
    "techniques/T0002.md": SamplePages.technique("T0002", "Beta"),
    "techniques/T0003.md": SamplePages.technique("T0003", "Gamma"),
    "techniques/T0004.md": SamplePages.technique("T0004", "Delta"),
    "techniques/T0005.md": SamplePages.technique("T0005", "Epsilon"),
    "techniques/T0006.md": SamplePages.technique("T0006", "Zeta"),
    "techniques/T0008.md": SamplePages.technique("T0008", "Theta"),
  ]

  static let register = """
    - id: T0004
      name: Delta
      retired: v2
      reason: Folded into Eta.
      replaced-by: T0007
    - id: T0005
      name: Epsilon
      retired: v2
    - id: T0008
      name: Theta
      retired: v2
      replaced-by: TA02

    """

  static let newPages: [String: String] = [
    "phases/P01.md": SamplePages.phase("P01", "Plan"),
    "tactics/TA01.md": SamplePages.tactic("TA01", "First Tactic"),
    "tactics/TA02.md": SamplePages.tactic("TA02", "Second Tactic"),
    "techniques/T0001.md": SamplePages.technique("T0001", "Alpha"),
    "techniques/T0002.md": SamplePages.technique("T0002", "Beta Prime"),
    "techniques/T0003.md": SamplePages.technique("T0003", "Gamma", tactic: "TA02 Second Tactic"),
    "techniques/T0007.md": SamplePages.technique("T0007", "Eta"),
    "retired.yml": register,
  ]

  static func mapping() throws -> ReleaseMapping {
    let old = try TemporaryKnowledgeBase.load(oldPages)
    let new = try TemporaryKnowledgeBase.load(newPages)
    return ReleaseMapping(old: old, new: new, oldLabel: "old", newLabel: "new")
  }

  /// Migrates `text` written to a temporary file named `name`.
  static func migrate(_ text: String, name: String, mapping: ReleaseMapping) throws -> MigrationResult.File {
    let folder = TemporaryFolder.make("disarm-migrate")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return try FileMigration.migrate([path], mapping: mapping).files[0]
  }
}
