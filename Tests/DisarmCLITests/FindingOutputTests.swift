import Foundation
import Testing

/// `build` and `lint` print a finding the same way (one formatter): location line, source excerpt with a caret,
/// and the notes at related places.
@Suite struct FindingOutputTests {
  @Test func buildAndLintPrintAFindingIdentically() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("disarm-finding-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let kb = root.appendingPathComponent("kb")
    try FileManager.default.copyItem(at: DisarmProcess.repository.appendingPathComponent("data"), to: kb)
    // A name that contradicts T0151.004's heading, in an incident's description: a name-mismatch with a note.
    let incident = kb.appendingPathComponent("incidents/I00901.md")
    var text = try String(contentsOf: incident, encoding: .utf8)
    let marker = "DO NOT EDIT ABOVE THIS LINE"
    let range = try #require(text.range(of: marker))
    text.insert(contentsOf: "Seen with T0151.004: Chat Platfrom.\n\n", at: range.lowerBound)
    try text.write(to: incident, atomically: true, encoding: .utf8)

    let build = try DisarmProcess.run(["build", "kb", "-o", root.appendingPathComponent("out").path], in: root)
    let lint = try DisarmProcess.run(["lint", "kb", "--color", "never"], in: root)
    let finding = { (output: String) -> [String] in
      let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      guard let start = lines.firstIndex(where: { $0.hasSuffix("[name-mismatch]") }) else { return [] }
      return Array(lines[start..<min(lines.count, start + 4)])
    }
    let shown = finding(build.stderr)
    #expect(shown.count == 4, "build printed: \(build.stderr)")
    #expect(shown == finding(lint.stdout))
    #expect(shown.first?.hasPrefix("kb/incidents/I00901.md:") == true)
    #expect(shown.last?.hasPrefix("kb/techniques/T0151.004.md:1:1: note: T0151.004 is named") == true)
    #expect(shown.dropFirst(2).first?.trimmingCharacters(in: .whitespaces) == "^")
  }
}
