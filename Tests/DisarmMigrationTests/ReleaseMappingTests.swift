import DisarmModel
import DisarmTestSupport
import Testing

@testable import DisarmMigration

/// One answer per identifier of the old release, from `disarm diff` and the new register.
@Suite struct ReleaseMappingTests {
  @Test func everyKindOfChangeHasItsOutcome() throws {
    let mapping = try MigrationFixtures.mapping()
    func outcome(_ code: String) -> ReleaseMapping.Outcome? { mapping.outcome(of: code)?.outcome }
    guard case .kept(let alpha, nil) = outcome("T0001") else {
      Issue.record("T0001: \(String(describing: outcome("T0001")))")
      return
    }
    #expect(alpha.id.string == "T0001" && alpha.tacticShortName == "first-tactic")
    guard case .kept(let beta, "Beta") = outcome("T0002") else {
      Issue.record("T0002")
      return
    }
    #expect(beta.name == "Beta Prime")
    guard case .kept(let gamma, nil) = outcome("t0003") else {
      Issue.record("t0003 (any letter case)")
      return
    }
    #expect(gamma.tactic?.string == "TA02" && gamma.tacticShortName == "second-tactic")
    guard case .replaced(let eta, "Folded into Eta.") = outcome("T0004") else {
      Issue.record("T0004")
      return
    }
    #expect(eta.id.string == "T0007" && eta.name == "Eta")
    #expect(outcome("T0005") == .review("retired without a replacement"))
    #expect(outcome("T0006") == .review("removed in the new release, and its register does not record it"))
    guard case .review(let why) = outcome("T0008") else {
      Issue.record("T0008")
      return
    }
    #expect(why.contains("another kind"))
    guard case .kept(_, nil) = outcome("T0007") else {
      Issue.record("T0007 is already the new release's")
      return
    }
    #expect(outcome("T0999") == .review("neither release has it"))
    #expect(mapping.outcome(of: "hello") == nil)
  }

  @Test func aRemovedObjectWhoseNameLivesOnIsSuggested() throws {
    var newPages = MigrationFixtures.newPages
    newPages["techniques/T0009.md"] = SamplePages.technique("T0009", "Zeta")
    let mapping = ReleaseMapping(
      old: try TemporaryKnowledgeBase.load(MigrationFixtures.oldPages), new: try TemporaryKnowledgeBase.load(newPages),
      oldLabel: "a", newLabel: "b")
    #expect(
      mapping.outcome(of: "T0006")?.outcome
        == .review("removed in the new release, and its register does not record it; T0009 has the same name"))
  }
}
