import DisarmModel
import DisarmRegeneration
import DisarmSupport
import DisarmTestSupport
import Foundation
import Testing

@testable import DisarmEditing

/// The editing executor on its own: plans made only from validated requests, compare-and-swap writes, removals,
/// verification against the whole knowledge base, and the report.
@Suite struct ChangePlanTests {
  /// A request that rewrites pages with given bytes: the smallest writer, to test the executor alone.
  struct Overwrite: EditRequest {
    var refusal: String?
    func validate() throws(EditRefusal) {
      if let refusal { throw EditRefusal(refusal) }
    }
  }

  static func copyOfSampleData() throws -> URL {
    let folder = TemporaryFolder.url("disarm-editing")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: folder)
    return folder
  }

  static func bytes(_ folder: URL, _ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: folder.appendingPathComponent(path).path).map { [UInt8]($0) }
  }

  static func change(_ path: String, to text: String, replacing old: [UInt8]?) -> PageSync.Change {
    PageSync.Change(
      page: RenderedPage(path: path, bytes: Array(text.utf8), basis: old.map { .bytes($0) } ?? .absent), current: old)
  }

  @Test func aRefusedRequestGivesNoPlan() {
    #expect(throws: EditRefusal("give --since or --against, not both")) {
      try Overwrite(refusal: "give --since or --against, not both").validated()
    }
  }

  @Test func aPlanIsWrittenPageByPageWithTheBytesItReplaces() throws {
    let folder = try Self.copyOfSampleData()
    let old = try #require(Self.bytes(folder, "techniques/T0151.004.md"))
    let plan = ChangePlan(
      for: try Overwrite().validated(), folder: folder,
      changes: [
        Self.change("techniques/T0151.004.md", to: "rewritten\n", replacing: old),
        Self.change("techniques/NEW.md", to: "created\n", replacing: nil),
      ], verification: .checkedWhilePlanning)
    let report = try plan.verified().write()
    #expect(report.written.map(\.page.path) == ["techniques/T0151.004.md", "techniques/NEW.md"])
    #expect(report.conflicts.isEmpty)
    #expect(Self.bytes(folder, "techniques/T0151.004.md") == Array("rewritten\n".utf8))
    #expect(Self.bytes(folder, "techniques/NEW.md") == Array("created\n".utf8))
    // Nothing is left behind: no temporary files, and the lock file is the only new hidden file.
    let hidden = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("techniques").path)
      .filter { $0.hasPrefix(".") }
    #expect(hidden.isEmpty, "\(hidden)")
  }

  @Test func aPageEditedAfterPlanningIsLeftAloneAndReported() throws {
    let folder = try Self.copyOfSampleData()
    let old = try #require(Self.bytes(folder, "techniques/T0151.004.md"))
    let plan = ChangePlan(
      for: try Overwrite().validated(), folder: folder,
      changes: [Self.change("techniques/T0151.004.md", to: "rewritten\n", replacing: old)],
      verification: .checkedWhilePlanning)
    let verified = try plan.verified()
    // The user saves the page between planning and writing: their edit wins.
    let edited = old + Array("\nA note typed meanwhile.\n".utf8)
    try Data(edited).write(to: folder.appendingPathComponent("techniques/T0151.004.md"))
    let report = try verified.write()
    #expect(report.written.isEmpty)
    #expect(report.conflicts == [PageSync.Conflict(path: "techniques/T0151.004.md")])
    #expect(report.skipped("techniques/T0151.004.md"))
    #expect(Self.bytes(folder, "techniques/T0151.004.md") == edited)
  }

  @Test func aCreationIsNotWrittenOverAFileThatAppeared() throws {
    let folder = try Self.copyOfSampleData()
    let plan = ChangePlan(
      for: try Overwrite().validated(), folder: folder,
      changes: [Self.change("techniques/T9999.md", to: "planned\n", replacing: nil)],
      verification: .checkedWhilePlanning)
    try Data("someone else's\n".utf8).write(to: folder.appendingPathComponent("techniques/T9999.md"))
    let report = try plan.verified().write()
    #expect(report.conflicts.map(\.path) == ["techniques/T9999.md"])
    #expect(Self.bytes(folder, "techniques/T9999.md") == Array("someone else's\n".utf8))
  }

  @Test func removalsHappenOnlyWhileThePageHoldsWhatWasRead() throws {
    let folder = try Self.copyOfSampleData()
    let kept = try #require(Self.bytes(folder, "techniques/T0151.004.md"))
    let removed = try #require(Self.bytes(folder, "techniques/T0151.008.md"))
    let plan = ChangePlan(
      for: try Overwrite().validated(), folder: folder, changes: [],
      removals: [
        PageRemoval(path: "techniques/T0151.008.md", bytes: removed),
        PageRemoval(path: "techniques/T0151.004.md", bytes: Array("not what it holds".utf8)),
      ], verification: .checkedWhilePlanning)
    let report = try plan.verified().write()
    #expect(report.removed == ["techniques/T0151.008.md"])
    #expect(report.conflicts.map(\.path) == ["techniques/T0151.004.md"])
    #expect(Self.bytes(folder, "techniques/T0151.008.md") == nil)
    #expect(Self.bytes(folder, "techniques/T0151.004.md") == kept)
  }

  @Test func verificationRefusesAPlanThatWouldAddAnErrorAndWritesNothing() throws {
    let folder = try Self.copyOfSampleData()
    let old = try #require(Self.bytes(folder, "techniques/T0151.004.md"))
    let broken = String(decoding: old, as: UTF8.self).replacingOccurrences(
      of: "# Technique T0151.004:", with: "# Technique T0151.099:")
    let plan = ChangePlan(
      for: try Overwrite().validated(), folder: folder,
      changes: [Self.change("techniques/T0151.004.md", to: broken, replacing: old)],
      verification: .overlay(framework: nil, errorsBefore: []))
    let refusal = try #require(throws: EditRefusal.self) { try plan.verified() }
    #expect(refusal.description.hasPrefix("techniques/T0151.004.md: the change would add an error: "), "\(refusal)")
    #expect(Self.bytes(folder, "techniques/T0151.004.md") == old)
  }

  @Test func verificationAcceptsAPlanWhoseErrorsWereThereBefore() throws {
    let folder = try Self.copyOfSampleData()
    let old = try #require(Self.bytes(folder, "techniques/T0151.004.md"))
    let edited = String(decoding: old, as: UTF8.self) + "\nA note.\n"
    let plan = ChangePlan(
      for: try Overwrite().validated(), folder: folder,
      changes: [Self.change("techniques/T0151.004.md", to: edited, replacing: old)],
      verification: .overlay(framework: nil, errorsBefore: []))
    _ = try plan.verified().write()
    #expect(Self.bytes(folder, "techniques/T0151.004.md") == Array(edited.utf8))
  }

  @Test func aSecondWriterWaitsThenGivesUpNamingTheFirst() throws {
    let folder = try Self.copyOfSampleData()
    do {
      let first = try EditLock(folder)
      let error = try #require(throws: WriteError.self) { _ = try EditLock(folder) }
      #expect(error.description.contains("another disarm process (pid \(getpid()))"), "\(error.description)")
      withExtendedLifetime(first) {}
    }
    // Released with the last reference: the next writer gets it at once.
    _ = try EditLock(folder)
  }

  @Test func onlyOurTemporaryFileNamesAreRecognised() {
    #expect(PageWriter.leftoverOwner(".T0001.md.disarm-1234-99.tmp") == 1234)
    #expect(PageWriter.leftoverOwner(".notes.disarm-1234.tmp") == nil)
    #expect(PageWriter.leftoverOwner("T0001.md") == nil)
    #expect(PageWriter.leftoverOwner(".x.disarm-abc-1.tmp") == nil)
  }
}
