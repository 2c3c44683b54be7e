import DisarmImport
import DisarmLint
import DisarmTestSupport
import Foundation
import Testing

/// Convention tests for the findings of the incident import, as `SpreadsheetCheckTests` for the spreadsheet's: ids
/// unique among every rule and check, each documented in docs/IMPORT.md's table and in docs/DIAGNOSTICS.md, each
/// explained by `disarm explain`.
@Suite struct IncidentFindingTests {
  @Test func idsAreUniqueAmongAllRulesAndChecksAndNamedForIncidents() {
    let ids = IncidentFindings.descriptions.map(\.id.rawValue)
    #expect(Set(ids).count == ids.count)
    #expect(ids.allSatisfy { $0.wholeMatch(of: /incident(-[a-z0-9]+)+/) != nil })
    let others = RuleRegistry.rules.map { $0.id.rawValue } + SpreadsheetChecks.descriptions.map(\.id.rawValue)
    #expect(Set(ids).isDisjoint(with: others))
    #expect(IncidentFindings.descriptions.allSatisfy { !$0.summary.isEmpty && $0.explanation.count > 80 })
  }

  @Test(arguments: IncidentFindings.descriptions.map(\.id.rawValue))
  func everyFindingIsDocumentedAndExplained(_ id: String) throws {
    for document in ["docs/IMPORT.md", "docs/DIAGNOSTICS.md"] {
      let text = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent(document), encoding: .utf8)
      #expect(text.contains("| `\(id)` |"), "\(id) has no row in \(document)'s table")
    }
    let explanation = try #require(IncidentFindings.explanation(for: id))
    #expect(explanation.hasPrefix("\(id) ("))
  }
}
