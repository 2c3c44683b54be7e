import DisarmImport
import DisarmLint
import DisarmTestSupport
import Foundation
import Testing

/// Convention tests for the spreadsheet checks, as `RuleCatalogueTests` for the lint rules: documented in
/// docs/DIAGNOSTICS.md (generated from both catalogues), ids unique among all rules, each check in its own file.
@Suite struct SpreadsheetCheckTests {
  @Test func documentationIsGeneratedFromBothCatalogues() throws {
    let text = try String(
      contentsOf: TestSupport.repositoryRoot.appendingPathComponent("docs/DIAGNOSTICS.md"), encoding: .utf8)
    #expect(
      text == RuleCatalogueDocument.markdown(spreadsheetChecks: SpreadsheetChecks.descriptions),
      "docs/DIAGNOSTICS.md is out of date; run disarm catalogue > docs/DIAGNOSTICS.md")
  }

  @Test func idsAreUniqueAmongAllRulesAndNamedForSheets() {
    let ids = SpreadsheetChecks.descriptions.map(\.id.rawValue)
    #expect(Set(ids).count == ids.count)
    #expect(ids.allSatisfy { $0.wholeMatch(of: /sheet(-[a-z0-9]+)+/) != nil })
    #expect(Set(ids).isDisjoint(with: RuleRegistry.rules.map { $0.id.rawValue }))
    #expect(SpreadsheetChecks.descriptions.allSatisfy { !$0.summary.isEmpty && $0.explanation.count > 80 })
  }

  /// `Checks/SheetMissingCheck.swift` holds `SheetMissingCheck` with its examples, and every check file is listed.
  @Test func everyCheckLivesInItsOwnFileWithExamples() throws {
    let folder = TestSupport.repositoryRoot.appendingPathComponent("Sources/DisarmImport/Checks")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix("Check.swift") && $0 != "SpreadsheetCheck.swift"
    }
    #expect(files.count == SpreadsheetChecks.descriptions.count)
    for file in files {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      let type = String(file.dropLast(".swift".count))
      #expect(text.contains("enum \(type): SpreadsheetCheck"), "\(file)")
      // Its examples: a finding as the import prints it, in the doc comment.
      #expect(text.contains(".xlsx") && (text.contains(": error: ") || text.contains(": warning: ")), "\(file)")
    }
  }
}
