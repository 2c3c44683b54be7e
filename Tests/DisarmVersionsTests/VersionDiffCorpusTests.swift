import DisarmModel
import DisarmTestSupport
import DisarmVersions
import Foundation
import Testing

/// `disarm diff` over the neighbouring releases of the corpus, checked against an independent reading of the pages.
@Suite(.enabled(if: Corpus.available, Corpus.skipMessage), .serialized)
struct VersionDiffCorpusTests {
  static let pairs: [(String, String)] = [
    ("amitt-2021-10-21", "disarm-2022-07-02"), ("disarm-2022-07-02", "disarm-2024-03-13"),
    ("disarm-2024-03-13", "disarm-2024-11-22"), ("disarm-2024-11-22", "disarm-2025-02-10"),
    ("disarm-2025-02-10", "disarm-2025-07-03"), ("disarm-2025-07-03", "disarm-2026-07-19"),
  ]

  /// The pairs whose technique pages both read `# Technique ID: name`.
  static let sameFrameworkPairs = Array(pairs[1...4])

  /// The identifiers a tree's index pages list for each kind folder, read with a regular expression over the
  /// index files (not with disarm's parser): `href="techniques/T0001.md"`.
  static func listed(in tree: String) throws -> [String: Set<String>] {
    let folder = Corpus.pageFolder(tree)
    var listed: [String: Set<String>] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix("_index.md") {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      for match in text.matches(of: try Regex("href=\"([a-z ]+)/([^\"/]+)\\.md\"")) {
        let kindFolder = String(match.output[1].substring!)
        listed[kindFolder, default: []].insert(String(match.output[2].substring!))
      }
    }
    return listed
  }

  static func diff(_ old: String, _ new: String) throws -> (VersionDiff, KnowledgeBase, KnowledgeBase) {
    let before = try KnowledgeBaseLoader.load(from: Corpus.release(old).path)
    let after = try KnowledgeBaseLoader.load(from: Corpus.release(new).path)
    return (VersionDiff(old: before, new: after, oldLabel: old, newLabel: new), before, after)
  }

  /// Added and removed identifiers per kind are exactly the difference of what the two trees' indexes list (for the
  /// kinds with pages, whose index rows link to them).
  @Test(arguments: pairs)
  func addedAndRemovedAreWhatTheIndexesSay(old: String, new: String) throws {
    let (diff, before, after) = try Self.diff(old, new)
    let oldListed = try Self.listed(in: old)
    let newListed = try Self.listed(in: new)
    var compared = 0
    for kind in diff.kinds {
      guard let oldFolder = before.framework.kind(kind.role)?.folder,
        let newFolder = after.framework.kind(kind.role)?.folder,
        let a = oldListed[oldFolder], let b = newListed[newFolder]
      else { continue }
      // Junk rows (`T0039 .md`, `.md`) are not identifiers; both sides leave them out.
      let valid = { (stem: String, kb: KnowledgeBase) in kb.id(stem)?.kind == kind.role && kb.id(stem)?.string == stem }
      let expectedAdded = Set(b.filter { valid($0, after) }).subtracting(a)
      let expectedRemoved = Set(a.filter { valid($0, before) }).subtracting(b)
      #expect(Set(kind.added.map(\.id.string)) == expectedAdded, "\(old) → \(new) \(kind.words.plural) added")
      #expect(Set(kind.removed.map(\.id.string)) == expectedRemoved, "\(old) → \(new) \(kind.words.plural) removed")
      compared += 1
    }
    #expect(compared >= 3, "\(old) → \(new): \(compared) kinds compared")
  }

  /// Renames and moves found independently in the technique pages (heading names and tactic fields read with
  /// regular expressions) are reported.
  @Test(arguments: Self.sameFrameworkPairs)
  func renamesAndMovesFoundInThePagesAreReported(old: String, new: String) throws {
    let (diff, before, after) = try Self.diff(old, new)
    func pages(_ tree: String, _ kb: KnowledgeBase) throws -> [String: (name: String, tactic: String?)] {
      let folder = Corpus.pageFolder(tree).appendingPathComponent("techniques")
      var facts: [String: (String, String?)] = [:]
      for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".md") {
        let id = String(file.dropLast(3))
        guard let object = kb.id(id).flatMap({ kb[$0] }), !object.isStale else { continue }
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        guard let heading = text.firstMatch(of: try Regex("^# Technique [^:]+: (.*)$").anchorsMatchLineEndings())
        else { continue }
        let tactic = text.firstMatch(
          of: try Regex("(?:Belongs to tactic stage|Tactic)\\**:?\\**:? (TA[0-9]+)").anchorsMatchLineEndings())
        facts[id] = (
          String(heading.output[1].substring!).trimmingCharacters(in: .whitespaces),
          tactic.map { String($0.output[1].substring!) }
        )
      }
      return facts
    }
    let a = try pages(old, before)
    let b = try pages(new, after)
    let techniques = try #require(diff.kinds.first { $0.role == .technique })
    let renamed = Set(techniques.renamed.map(\.id.string))
    let moved = Set(techniques.moved.filter { $0.placement == .tactic }.map(\.id.string))
    var renames = 0
    var moves = 0
    for (id, was) in a {
      guard let now = b[id] else { continue }
      let collapsed = { (text: String) in text.split(separator: " ").joined(separator: " ") }
      if collapsed(was.name) != collapsed(now.name) {
        renames += 1
        #expect(renamed.contains(id), "\(old) → \(new): \(id) renamed '\(was.name)' → '\(now.name)'")
      } else {
        #expect(!renamed.contains(id), "\(old) → \(new): \(id) reported renamed")
      }
      if let x = was.tactic, let y = now.tactic, x != y {
        moves += 1
        #expect(moved.contains(id), "\(old) → \(new): \(id) moved \(x) → \(y)")
      }
    }
    #expect(renamed.count == renames)
    print("\(old) → \(new): \(renames) renames, \(moves) moves found in the pages")
  }

  /// The 2024 template against the 2025 template: a technique whose summary, tactic and incidents are the same
  /// (though every label and blank line of its page differs) reports no change.
  @Test func aTemplateChangeAloneIsNoChange() throws {
    let (diff, before, after) = try Self.diff("disarm-2024-11-22", "disarm-2025-02-10")
    let techniques = try #require(diff.kinds.first { $0.role == .technique })
    let id = try #require(DisarmID("T0002"))
    let oldPage = try #require(before[id]?.page)
    let newPage = try #require(after[id]?.page)
    #expect(oldPage.template == .bulleted2022 && newPage.template == .plain2025)
    #expect(oldPage.file.bytes != newPage.file.bytes)
    #expect(!techniques.changedIDs.contains(id))
    #expect(techniques.unchanged > 300, "\(techniques.unchanged) techniques unchanged")
  }

  /// Versions are compared by role: DISARM 2.0's techniques against 2026's assessments, in the new words.
  @Test func frameworksThatRenameKindsCompareByRole() throws {
    let (diff, _, _) = try Self.diff("disarm-2025-07-03", "disarm-2026-07-19")
    let techniques = try #require(diff.kinds.first { $0.role == .technique })
    #expect(techniques.words.plural == "assessments")
    #expect(techniques.added.count == 140)
    #expect(diff.old.framework == "disarm-2-observations" && diff.new.framework == "disarm-2026-assessments")
  }

  @Test func markdownReleaseNotesMatchGolden() throws {
    let (diff, _, _) = try Self.diff("disarm-2024-03-13", "disarm-2024-11-22")
    try Golden(besides: #filePath).check(
      Array(DiffMarkdownReport.render(diff).utf8), against: "disarm-2024-03-13_to_2024-11-22.md")
  }
}
