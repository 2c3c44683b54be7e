import DisarmTestSupport
import Foundation
import Testing

@testable import DisarmFramework

@Suite struct BuiltInFrameworkTests {
  static let folder = TestSupport.repositoryRoot.appendingPathComponent("frameworks")

  @Test func theBinaryCarriesExactlyTheDescriptionFiles() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".yml") }
    #expect(BuiltInFrameworks.texts.map(\.file) == files.sorted(), "run scripts/embed-frameworks.py")
    for (file, text) in BuiltInFrameworks.texts {
      let onDisk = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
      #expect(text == onDisk, "frameworks/\(file) changed: run scripts/embed-frameworks.py")
    }
  }

  @Test func theCompiledValuesAreWhatTheReaderMakesOfTheFiles() throws {
    #expect(BuiltInFrameworks.values.count == BuiltInFrameworks.texts.count)
    for (value, (file, text)) in zip(BuiltInFrameworks.values, BuiltInFrameworks.texts) {
      let read = try FrameworkDescription.read(text, path: "frameworks/" + file)
      #expect(read == value, "frameworks/\(file) differs from its compiled value: run scripts/embed-frameworks.py")
    }
  }

  @Test func everyBuiltInReadsAndNamesItsFile() {
    #expect(BuiltInFrameworks.all.map(\.name) == BuiltInFrameworks.texts.map { String($0.file.dropLast(4)) })
    for description in BuiltInFrameworks.all {
      #expect(description.kind(.technique) != nil, "\(description.name) has no technique-like kind")
      #expect(description.kind(.tactic) != nil, "\(description.name) has no tactic-like kind")
    }
  }

  @Test func theAssessmentsFrameworkRenamesItsKinds() throws {
    let description = try #require(BuiltInFrameworks.named("disarm-2026-assessments"))
    let assessment = try #require(description.kind(.technique))
    #expect(assessment.singular == "assessment" && assessment.plural == "assessments")
    #expect(assessment.heading == "Assessment" && assessment.folder == "techniques")
    #expect(assessment.withArticle == "an assessment")
    #expect(description.kind(named: "Categories")?.role == .tactic)
    #expect(description.kind(named: "groups")?.role == .phase)
    // Assessments (A0001) and actor types (A001) share the letter A; the digits tell them apart.
    #expect(assessment.id.matches("A0001.003") && !assessment.id.matches("A001"))
    #expect(description.kind(.actorType)?.id.matches("A001") == true)
    #expect(description.kind(.actorType)?.id.matches("A0001") == false)
  }

  @Test(.enabled(if: Corpus.available, Corpus.skipMessage), arguments: Corpus.allTrees)
  func detectionPicksEachTreesFramework(tree: String, framework: String) throws {
    let folder = Corpus.release(tree)
    let pages = folder.appendingPathComponent("generated_pages")
    let pageFolder = FileManager.default.fileExists(atPath: pages.path) ? pages : folder
    let matches = FrameworkDetection.matches(pageFolder: pageFolder.path)
    #expect(matches.first?.description.name == framework)
    #expect(matches.first?.fits == true)
    // Several descriptions can read a tree (AMITT 2021 and DISARM 1.x share a template); the right one scores higher.
    let runnerUp = matches.dropFirst().first { $0.fits }
    #expect(
      (runnerUp?.score ?? 0) < (matches.first?.score ?? 0),
      "\(tree): \(matches.map { ($0.description.name, $0.score) })")
  }

  @Test func aTreeOfOtherFilesFitsNothingAndSaysWhatWasExpected() throws {
    let folder = TemporaryFolder.make()
    try "# Notes\n".write(to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
    let matches = FrameworkDetection.matches(pageFolder: folder.path)
    #expect(matches.count == BuiltInFrameworks.all.count)
    #expect(matches.allSatisfy { !$0.fits })
    #expect(matches.allSatisfy { $0.misses.contains { $0.hasPrefix("folders not found") } })
  }
}
