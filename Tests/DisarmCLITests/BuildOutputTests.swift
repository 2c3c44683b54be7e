import DisarmTestSupport
import Foundation
import Testing

/// `build --output OUT` builds the whole folder next to OUT and publishes it in one rename: the old output is
/// replaced whole, a folder holding a user's files is refused, and staging folders of killed runs are cleaned up.
@Suite struct BuildOutputTests {
  @Test func aSecondBuildReplacesTheOutputWholeAndLeavesNoStagingFolder() throws {
    let root = TemporaryFolder.make("disarm-output")
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out")
    #expect(try DisarmProcess.run(["build", "data", "-o", out.path]).status == 0)
    // A page the first output holds but the second does not must disappear with the old output.
    let extra = out.appendingPathComponent("pages/techniques/T9999.md")
    try Data("old\n".utf8).write(to: extra)
    let second = try DisarmProcess.run(["build", "data", "-o", out.path])
    #expect(second.status == 0, "\(second.stderr)")
    #expect(!FileManager.default.fileExists(atPath: extra.path))
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("pages/techniques/T0151.008.md").path))
    let entries = try FileManager.default.contentsOfDirectory(atPath: root.path)
    #expect(entries == ["out"], "left next to the output: \(entries)")
  }

  @Test func anOutputFolderHoldingOtherFilesIsRefusedAndUntouched() throws {
    let root = TemporaryFolder.make("disarm-output")
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    try Data("mine\n".utf8).write(to: out.appendingPathComponent("notes.txt"))
    let result = try DisarmProcess.run(["build", "data", "-o", out.path])
    #expect(result.status == 2)
    #expect(
      result.stderr.contains("\(out.path): cannot write: holds 'notes.txt', which disarm did not write"),
      "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["notes.txt"])
  }

  /// A page with an error is still written, in its regenerated form: the broken link exactly as written (and
  /// reported), its derived parts recomputed (the link's name, which follows the technique's heading).
  @Test func pagesWithErrorsAreWrittenRegeneratedWithTheBrokenLinkAsWritten() throws {
    let root = TemporaryFolder.make("disarm-output")
    defer { try? FileManager.default.removeItem(at: root) }
    let kb = root.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: kb)
    let incident = kb.appendingPathComponent("incidents/I00901.md")
    let text = try String(contentsOf: incident, encoding: .utf8)
    let good = "[T0073 Determine Target Audiences](../../generated_pages/techniques/T0073.md)"
    #expect(text.contains(good))
    try Data(
      text.replacingOccurrences(of: good, with: "[T0073 Old Name](../../pages/techniques/T0073.md)").utf8
    ).write(to: incident)
    let out = root.appendingPathComponent("out")
    let result = try DisarmProcess.run(["build", kb.path, "-o", out.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("incidents/I00901.md:24:"), "\(result.stderr)")
    #expect(result.stderr.contains("[broken-link]"))
    let written = try String(contentsOf: out.appendingPathComponent("pages/incidents/I00901.md"), encoding: .utf8)
    #expect(written.contains("[T0073 Determine Target Audiences](../../pages/techniques/T0073.md)"))
    #expect(
      written
        == text.replacingOccurrences(
          of: good, with: "[T0073 Determine Target Audiences](../../pages/techniques/T0073.md)"))
  }

  @Test func stagingFoldersOfKilledRunsAreRemoved() throws {
    let root = TemporaryFolder.make("disarm-output")
    defer { try? FileManager.default.removeItem(at: root) }
    // No process has this id (above any pid_max), as after a kill.
    let leftover = root.appendingPathComponent(".out.disarm-999999999.staging")
    try FileManager.default.createDirectory(
      at: leftover.appendingPathComponent("pages"), withIntermediateDirectories: true)
    #expect(try DisarmProcess.run(["build", "data", "-o", root.appendingPathComponent("out").path]).status == 0)
    #expect(!FileManager.default.fileExists(atPath: leftover.path))
  }
}
