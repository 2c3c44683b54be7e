import DisarmTestSupport
import Foundation
import Testing

/// The `opencti` profile read by OpenCTI's own Python client: `scripts/check-pycti.py` runs pycti's
/// `AttackPattern.import_from_stix2` on every technique with the platform's API stood in for, and checks the
/// identifier pycti would store is the DISARM one.
@Suite struct OpenCTIClientTests {
  static let pyctiAvailable: Bool = (try? ExternalTool.run(["python3", "-c", "import pycti"]).status) == 0
  static let checker = DisarmProcess.repository.appendingPathComponent("scripts/check-pycti.py").path

  @Test(
    .enabled(if: Corpus.available, Corpus.skipMessage),
    .enabled(if: pyctiAvailable, "python3 lacks pycti (run scripts/install-deps.sh): the OpenCTI client check skipped"))
  func pyctiReadsEveryTechniquesIdentifierFromTheOpenCTIProfile() throws {
    let folder = TemporaryFolder.make("disarm-pycti")
    defer { try? FileManager.default.removeItem(at: folder) }
    let bundle = folder.appendingPathComponent("opencti.json")
    let export = try DisarmProcess.run([
      "export", "stix", Corpus.release("disarm-2025-02-10").path, "--profile", "opencti", "--output", bundle.path,
    ])
    #expect(export.status == 0, "\(export.stderr)")
    let checked = try ExternalTool.run(["python3", Self.checker, bundle.path])
    #expect(checked.status == 0, "\(checked.output)")
    #expect(checked.output.contains("391 attack patterns imported through pycti"), "\(checked.output)")
    #expect(checked.output.contains("391 with their DISARM identifier, 0 without"), "\(checked.output)")
    // The check can fail: the same bundle with DISARM's own source name and no `x_mitre_id`, as the Foundation's
    // tactics are written, is read by pycti without identifiers.
    var text = try String(contentsOf: bundle, encoding: .utf8)
    text = text.replacingOccurrences(of: "\"x_mitre_id\":", with: "\"x_disarm_id\":")
      .replacingOccurrences(of: "\"source_name\": \"mitre-attack\"", with: "\"source_name\": \"DISARM\"")
    let stripped = folder.appendingPathComponent("stripped.json")
    try Data(text.utf8).write(to: stripped)
    let failed = try ExternalTool.run(["python3", Self.checker, stripped.path])
    #expect(failed.status == 1 && failed.output.contains("0 with their DISARM identifier"), "\(failed.output)")
  }
}
