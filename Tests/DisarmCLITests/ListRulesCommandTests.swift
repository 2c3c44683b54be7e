import Foundation
import Testing

/// `disarm lint --list-rules` as a user runs it: the rules grouped under their category's heading, in catalogue
/// order, one indented line per rule.
@Suite struct ListRulesCommandTests {
  @Test func rulesAreListedUnderTheirCategory() throws {
    let result = try DisarmProcess.run(["lint", "--list-rules", "--color", "never"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let headings = lines.filter { !$0.isEmpty && !$0.hasPrefix(" ") }
    #expect(headings == ["Files", "Structure", "References", "Consistency", "Retirement", "Regeneration"])
    // A rule's line sits below its category's heading: empty-summary under Structure, page-changed-on-disk last.
    let structure = try #require(lines.firstIndex(of: "Structure"))
    let references = try #require(lines.firstIndex(of: "References"))
    let emptySummary = try #require(lines.firstIndex { $0.hasPrefix("  empty-summary ") })
    #expect(structure < emptySummary && emptySummary < references)
    #expect(lines.last { !$0.isEmpty }?.hasPrefix("  page-changed-on-disk ") == true)
    #expect(lines.contains { $0.hasPrefix("  name-whitespace ") && $0.contains(" warning  fix  ") })
  }
}
