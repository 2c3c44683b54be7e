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
      text
        == RuleCatalogueDocument.markdown(
          spreadsheetChecks: SpreadsheetChecks.descriptions, incidentFindings: IncidentFindings.descriptions),
      "docs/DIAGNOSTICS.md is out of date; run disarm catalogue > docs/DIAGNOSTICS.md")
  }

  @Test func idsAreUniqueAmongAllRulesAndNamedForSheets() {
    let ids = SpreadsheetChecks.descriptions.map(\.id.rawValue)
    #expect(Set(ids).count == ids.count)
    #expect(ids.allSatisfy { $0.wholeMatch(of: /sheet(-[a-z0-9]+)+/) != nil })
    #expect(Set(ids).isDisjoint(with: RuleRegistry.rules.map { $0.id.rawValue }))
    #expect(SpreadsheetChecks.descriptions.allSatisfy { !$0.summary.isEmpty && $0.explanation.count > 80 })
  }

  /// `Checks/SheetMissingCheck.swift` holds `SheetMissingCheck`, whose id is registered in ``SpreadsheetChecks`` and
  /// is declared in no other check file, and every check file is listed.
  @Test func everyCheckLivesInItsOwnFileAndIsRegistered() throws {
    let folder = TestSupport.repositoryRoot.appendingPathComponent("Sources/DisarmImport/Checks")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix("Check.swift") && $0 != "SpreadsheetCheck.swift"
    }
    let registered = Set(SpreadsheetChecks.descriptions.map(\.id.rawValue))
    #expect(files.count == registered.count)
    var declared: [String] = []
    for file in files {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      let type = String(file.dropLast(".swift".count))
      #expect(text.contains("enum \(type): SpreadsheetCheck"), "\(file)")
      let ids = text.matches(of: /RuleID\("([a-z0-9-]+)"\)/).map { String($0.output.1) }
      #expect(ids.count == 1, "\(file) declares \(ids.count) ids")
      #expect(ids.allSatisfy(registered.contains), "\(file): \(ids) is not in SpreadsheetChecks.all")
      declared += ids
    }
    #expect(Set(declared) == registered)
  }

  /// Each check is documented where the import's checks are described (docs/IMPORT.md's table) and in the generated
  /// catalogue (docs/DIAGNOSTICS.md), and shows at least one triggering and one non-triggering example.
  @Test(arguments: SpreadsheetChecks.descriptions.map(\.id.rawValue))
  func everyCheckIsDocumentedWithBothKindsOfExample(_ id: String) throws {
    for document in ["docs/IMPORT.md", "docs/DIAGNOSTICS.md"] {
      let text = try String(
        contentsOf: TestSupport.repositoryRoot.appendingPathComponent(document), encoding: .utf8)
      #expect(text.contains("| `\(id)` |"), "\(id) has no row in \(document)'s table")
    }
    let examples = SpreadsheetChecks.examples(of: id)
    #expect(examples.contains { $0.triggers }, "\(id) has no triggering example")
    #expect(examples.contains { !$0.triggers }, "\(id) has no non-triggering example")
    for example in examples {
      #expect(!example.note.isEmpty, "\(id) has an example without a note")
      #expect(example.triggers == !example.expectedLocations.isEmpty, "\(id): \"\(example.note)\" markers")
    }
  }
}
