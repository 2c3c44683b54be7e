import DisarmLint
import DisarmModel
import DisarmParser
import DisarmTestSupport
import Foundation
import Testing

/// Linking small knowledge bases written for each case.
@Suite struct LinkerTests {
  func load(_ pages: [String: String]) throws -> KnowledgeBase { try TemporaryKnowledgeBase.load(pages) }

  static let base: [String: String] = [
    "phases/P01.md": SamplePages.phase("P01", "Plan"),
    "tactics/TA01.md": SamplePages.tactic("TA01", "First Tactic"),
    "techniques/T0001.md": SamplePages.technique("T0001", "Parent Technique"),
    "techniques/T0001.001.md": SamplePages.technique("T0001.001", "Child", parent: "T0001 Parent Technique"),
  ]

  @Test func linksTechniquesTacticsPhasesAndParents() throws {
    var pages = Self.base
    pages["incidents/I00001.md"] = SamplePages.incident(
      "I00001", "Example", rows: [("T0001.001", "Child", "Seen with T0001: Parent Technique.")])
    let kb = try load(pages)
    #expect(Linter.check(kb).diagnostics.isEmpty, "\(Linter.check(kb).diagnostics.map(\.formatted))")
    let child = DisarmID("T0001.001")!
    #expect(kb.tactic(of: child) == DisarmID("TA01"))
    #expect(kb.outgoing(DisarmID("TA01")!, .phase).map(\.target) == [DisarmID("P01")!])
    #expect(kb.subtechniques(of: DisarmID("T0001")!) == [child])
    let uses = kb.incoming(child, .usesTechnique)
    #expect(uses.map(\.source) == [DisarmID("I00001")!])
    #expect(uses.first?.description == "Seen with T0001: Parent Technique.")
    #expect(kb.references(of: DisarmID("I00001")!).map(\.isResolved) == [true])
    #expect(kb.template == .generation2025)
  }

  @Test func fileNamesThatAreNotIdentifiersAreReportedNotLoaded() throws {
    var pages = Self.base
    pages["incidents/.md"] = "# Incident : \n\n\(SamplePages.marker)"
    pages["techniques/T0002 .md"] = SamplePages.technique("T0002 ", "Spaced")
    let kb = try load(pages)
    let rejected = Linter.check(kb).diagnostics.filter { $0.rule.rawValue == "file-name-not-id" }.map(\.file).sorted()
    #expect(rejected == ["incidents/.md", "techniques/T0002 .md"])
    #expect(kb.objects(of: .technique).count == 2)
    #expect(kb.objects(of: .incident).isEmpty)
    #expect(kb.unassignedPages.count == 2)
  }

  @Test func headingThatDisagreesWithFileName() throws {
    var pages = Self.base
    pages["techniques/T0003.md"] = SamplePages.technique("T0004", "Wrong")
    let kb = try load(pages)
    let diagnostic = try #require(Linter.check(kb).diagnostics.first { $0.rule.rawValue == "heading-id-mismatch" })
    #expect(diagnostic.file == "techniques/T0003.md")
    #expect(diagnostic.line == 1)
    #expect(diagnostic.column == 13)
    #expect(diagnostic.severity == .error)
  }

  @Test func danglingLinksAreErrorsNotCrashes() throws {
    var pages = Self.base
    pages["incidents/I00001.md"] = SamplePages.incident("I00001", "Example", rows: [("T0999", "Missing", "x")])
    pages["techniques/T0005.md"] = SamplePages.technique("T0005", "Orphan", tactic: "TA09 Nowhere")
    let kb = try load(pages)
    let unresolved = Linter.check(kb).diagnostics.filter { $0.rule.rawValue == "unresolved-link" }
    #expect(unresolved.map(\.file) == ["incidents/I00001.md", "techniques/T0005.md"])
    #expect(unresolved.allSatisfy { $0.severity == .error })
    #expect(kb.outgoing(DisarmID("I00001")!).first?.isResolved == false)
  }

  @Test func tacticFieldWithoutIdentifierIsUnreadable() throws {
    var pages = Self.base
    pages["techniques/T0006.md"] = SamplePages.technique("T0006", "Bad", tactic: "somewhere")
    let kb = try load(pages)
    let diagnostic = try #require(Linter.check(kb).diagnostics.first { $0.rule.rawValue == "unreadable-field" })
    #expect(diagnostic.file == "techniques/T0006.md")
    #expect(diagnostic.line == 5)
    #expect(diagnostic.column == 13)
  }

  @Test func parentFieldThatDisagreesWithTheIdentifier() throws {
    var pages = Self.base
    pages["techniques/T0001.002.md"] = SamplePages.technique("T0001.002", "Other", parent: "T0009 Someone Else")
    let kb = try load(pages)
    #expect(
      Linter.check(kb).diagnostics.contains {
        $0.rule.rawValue == "parent-mismatch" && $0.file == "techniques/T0001.002.md"
      })
    #expect(kb.outgoing(DisarmID("T0001.002")!, .parent).map(\.target) == [DisarmID("T0001")!])
  }

  @Test func nameWrittenDifferentlyFromTheHeading() throws {
    var pages = Self.base
    pages["techniques/T0001.001.md"] = SamplePages.technique("T0001.001", "Child", parent: "T0001 Parent Tecnique")
    let kb = try load(pages)
    let diagnostic = try #require(Linter.check(kb).diagnostics.first { $0.rule.rawValue == "name-mismatch" })
    #expect(diagnostic.message == "T0001 is written 'Parent Tecnique' but is named 'Parent Technique'")
  }

  @Test func pagesMissingFromTheIndexAreStale() throws {
    var pages = Self.base
    pages["tactics/TA02.md"] = SamplePages.tactic("TA02", "Dropped Tactic")
    pages["tactics_index.md"] =
      "# DISARM Tactics:\n\n<table border=\"1\">\n<tr>\n<th>disarm_id</th>\n</tr>\n<tr>\n<td><a href=\"tactics/TA01.md\">TA01</a></td>\n</tr>\n</table>\n"
    let kb = try load(pages)
    #expect(kb[DisarmID("TA02")!]?.isStale == true)
    #expect(kb[DisarmID("TA01")!]?.isStale == false)
    #expect(Linter.check(kb).diagnostics.map(\.rule.rawValue) == ["stale-page"])
  }

  @Test func missingFolderIsALoadError() throws {
    #expect(throws: LoadError.notFound("/nonexistent/kb")) { try KnowledgeBaseLoader.load(from: "/nonexistent/kb") }
  }

  @Test func generatedPagesFolderIsFound() throws {
    var nested: [String: String] = [:]
    for (path, text) in Self.base { nested["generated_pages/" + path] = text }
    let kb = try load(nested)
    #expect(kb.objects.count == 4)
  }
}
