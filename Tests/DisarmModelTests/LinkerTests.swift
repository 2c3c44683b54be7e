import DisarmModel
import DisarmParser
import DisarmTestSupport
import Foundation
import Testing

/// Linking small knowledge bases written for each case: the objects, relations and the facts the model records for
/// the lint rules (unassigned pages, reading problems, name claims). How the rules report those facts is tested on
/// the same knowledge bases in DisarmLintTests (`LinkedKnowledgeBaseFindingsTests`).
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
    #expect(kb.readingProblems.isEmpty && kb.unassigned.isEmpty && kb.skippedFiles.isEmpty)
    #expect(kb.relations.allSatisfy { $0.isResolved }, "\(kb.relations.filter { !$0.isResolved }.map(\.target))")
    #expect(kb.nameClaims.allSatisfy { $0.written == kb[$0.target]?.name }, "every name is written as its heading")
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
    let rejected = kb.unassigned.filter { $0.reason == .notAnIdentifier }.map(\.page.path).sorted()
    #expect(rejected == ["incidents/.md", "techniques/T0002 .md"])
    #expect(kb.objects(of: .technique).count == 2)
    #expect(kb.objects(of: .incident).isEmpty)
    #expect(kb.unassignedPages.count == 2)
  }

  @Test func headingThatDisagreesWithFileName() throws {
    var pages = Self.base
    pages["techniques/T0003.md"] = SamplePages.technique("T0004", "Wrong")
    let kb = try load(pages)
    // The file name decides the identifier; the heading's is kept as written, where it was written.
    let object = try #require(kb[DisarmID("T0003")!])
    #expect(object.file == "techniques/T0003.md")
    let written = try #require(object.page?.heading?.identifier)
    #expect(written.text == "T0004")
    #expect(written.range.start.line == 1)
    #expect(written.range.start.column == 13)
    #expect(kb[DisarmID("T0004")!] == nil)
  }

  @Test func danglingLinksAreErrorsNotCrashes() throws {
    var pages = Self.base
    pages["incidents/I00001.md"] = SamplePages.incident("I00001", "Example", rows: [("T0999", "Missing", "x")])
    pages["techniques/T0005.md"] = SamplePages.technique("T0005", "Orphan", tactic: "TA09 Nowhere")
    let kb = try load(pages)
    let unresolved = kb.relations.filter { !$0.isResolved }.sorted { $0.file < $1.file }
    #expect(unresolved.map(\.file) == ["incidents/I00001.md", "techniques/T0005.md"])
    #expect(unresolved.map(\.target) == [DisarmID("T0999")!, DisarmID("TA09")!])
    #expect(kb.outgoing(DisarmID("I00001")!).first?.isResolved == false)
    #expect(kb.tactic(of: DisarmID("T0005")!) == DisarmID("TA09"), "the dangling tactic is kept, not dropped")
  }

  @Test func tacticFieldWithoutIdentifierIsUnreadable() throws {
    var pages = Self.base
    pages["techniques/T0006.md"] = SamplePages.technique("T0006", "Bad", tactic: "somewhere")
    let kb = try load(pages)
    let problem = try #require(kb.readingProblems.first { $0.file == "techniques/T0006.md" })
    #expect(problem.kind == .fieldNotAnID(label: "Tactic", expected: .tactic, value: "somewhere"))
    #expect(problem.line == 5)
    #expect(problem.column == 13)
    #expect(kb.tactic(of: DisarmID("T0006")!) == nil)
  }

  @Test func parentFieldThatDisagreesWithTheIdentifier() throws {
    var pages = Self.base
    pages["techniques/T0001.002.md"] = SamplePages.technique("T0001.002", "Other", parent: "T0009 Someone Else")
    let kb = try load(pages)
    let problem = try #require(kb.readingProblems.first { $0.file == "techniques/T0001.002.md" })
    #expect(problem.kind == .parentMismatch(written: DisarmID("T0009")!, object: DisarmID("T0001.002")!))
    #expect(kb.outgoing(DisarmID("T0001.002")!, .parent).map(\.target) == [DisarmID("T0001")!])
  }

  @Test func nameWrittenDifferentlyFromTheHeading() throws {
    var pages = Self.base
    pages["techniques/T0001.001.md"] = SamplePages.technique("T0001.001", "Child", parent: "T0001 Parent Tecnique")
    let kb = try load(pages)
    let claim = try #require(
      kb.nameClaims.first { $0.file == "techniques/T0001.001.md" && $0.target.string == "T0001" })
    #expect(claim.written == "Parent Tecnique")
    #expect(kb[claim.target]?.name == "Parent Technique")
  }

  @Test func pagesMissingFromTheIndexAreStale() throws {
    var pages = Self.base
    pages["tactics/TA02.md"] = SamplePages.tactic("TA02", "Dropped Tactic")
    pages["tactics_index.md"] =
      "# DISARM Tactics:\n\n<table border=\"1\">\n<tr>\n<th>disarm_id</th>\n</tr>\n<tr>\n<td><a href=\"tactics/TA01.md\">TA01</a></td>\n</tr>\n</table>\n"
    let kb = try load(pages)
    #expect(kb[DisarmID("TA02")!]?.isStale == true)
    #expect(kb[DisarmID("TA01")!]?.isStale == false)
    #expect(kb.indexes[.tactic]?.listed.keys.map(\.string) == ["TA01"])
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
