import DisarmTestSupport
import Foundation
import Testing

/// `disarm frameworks`: the built-ins, and which one a tree fits and why (exit 2 when none does).
@Suite struct FrameworksCommandTests {
  @Test func listsEveryBuiltInWithItsKinds() throws {
    let result = try DisarmProcess.run(["frameworks"])
    #expect(result.status == 0)
    for name in [
      "amitt-2019", "amitt-2021-early", "amitt-2021", "disarm-1", "disarm-2-observations", "disarm-2026-assessments",
    ] {
      #expect(result.stdout.contains("\(name)  "), "\(name) missing from:\n\(result.stdout)")
    }
    #expect(result.stdout.contains("assessments (A0001.001)"))
  }

  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func namesTheFrameworkATreeFitsAndWhy() throws {
    let tree = Corpus.release("disarm-2026-07-19")
    let result = try DisarmProcess.run(["frameworks", tree.path])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("\(tree.path): disarm-2026-assessments (DISARM 2026 Assessments framework)\n"))
    #expect(result.stdout.contains("+ pages: 13 of 13 sampled read '# Group P01: <name>' ('# Group P20: Impact')"))
    #expect(result.stdout.contains("  disarm-1  does not fit\n"))
  }

  /// AMITT in early 2021 kept the identifier in a bold field (`* **Id**: T0001`, `* **Id:** TA01`): the tree is
  /// detected as such, and the sampled line shows which syntax matched.
  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func namesTheEarlyAMITTDescriptionForAnIdentifierField() throws {
    let tree = Corpus.release("variants/amitt-2021-02-19-ba538ba")
    let result = try DisarmProcess.run(["frameworks", tree.path])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("\(tree.path): amitt-2021-early (AMITT red framework (early 2021))\n"))
    #expect(result.stdout.contains("+ pages: 29 of 29 sampled read '* Id: <identifier>' ('* **Id:** P01')"))
    #expect(result.stdout.contains("+ has amitt_red_framework.md"))
    #expect(!result.stdout.contains("folders it has no kind for: metatechniques"))
  }

  @Test func aTreeThatFitsNothingSaysWhatEachExpectedAndExitsTwo() throws {
    let folder = TemporaryFolder.make()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("notes"), withIntermediateDirectories: true)
    try "# Meeting\n".write(to: folder.appendingPathComponent("notes/monday.md"), atomically: true, encoding: .utf8)
    let result = try DisarmProcess.run(["frameworks", folder.path])
    #expect(result.status == 2)
    #expect(result.stdout.hasPrefix("\(folder.path): fits no framework description; tried 6:\n"))
    #expect(result.stdout.contains("- folders it has no kind for: notes"))
    #expect(result.stdout.contains("- folders not found: phases, tactics, techniques, tasks, incidents"))
  }

  @Test func aMissingFolderIsAnErrorNamingIt() throws {
    let result = try DisarmProcess.run(["frameworks", "/nonexistent/kb"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("/nonexistent/kb: no such file or folder"))
  }
}
