import DisarmTestSupport
import Foundation
import Testing

/// The version is written once, in VERSION: `disarm --version` prints it (scripts/embed-version.sh compiles it in).
@Suite struct VersionTests {
  @Test func versionComesFromTheVersionFile() throws {
    let file = try String(
      contentsOf: TestSupport.repositoryRoot.appendingPathComponent("VERSION"), encoding: .utf8
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    let result = try DisarmProcess.run(["--version"])
    #expect(result.status == 0)
    #expect(
      result.stdout == file + "\n",
      "disarm --version says \(result.stdout); VERSION says \(file): run scripts/embed-version.sh")
  }
}
