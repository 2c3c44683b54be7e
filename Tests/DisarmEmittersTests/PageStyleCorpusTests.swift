import DisarmLint
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmTestSupport
import Foundation
import Testing

/// What `build --output` writes for a whole tree: every page, each in its regenerated form, in the style it was
/// written with. Checked on every corpus tree, and on copies of a DISARM 2025 tree rewritten the way DISARM's
/// one-day template variants wrote their pages.
@Suite(.enabled(if: Corpus.available, Corpus.skipMessage), .serialized)
struct PageStyleCorpusTests {
  /// Every `.md` file under `folder`, by path relative to it.
  static func markdownFiles(in folder: URL) throws -> [String: [UInt8]] {
    var files: [String: [UInt8]] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    while let path = enumerator?.nextObject() as? String {
      guard path.hasSuffix(".md") else { continue }
      files[path] = Array(try Data(contentsOf: folder.appendingPathComponent(path)))
    }
    return files
  }

  /// The pages `build --output` would write for the tree at `folder`, by path.
  static func output(of folder: URL) throws -> (pages: [String: [UInt8]], checked: CheckedKnowledgeBase) {
    let checked = try CheckedKnowledgeBase.load(folder.path)
    let pages = Dictionary(checked.allRenderedPages.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
    return (pages, checked)
  }

  /// The output holds every page of the tree, and every page is its own regenerated form, except the listed
  /// exceptions (object and whole pages), which must still differ. Junk pages that cannot be loaded (`.md`) are
  /// copied as read.
  @Test(arguments: Corpus.allTrees.map(\.name))
  func theOutputHoldsEveryPageRegeneratedIdentically(tree: String) throws {
    let folder = Corpus.pageFolder(tree)
    let files = try Self.markdownFiles(in: folder)
    let (pages, _) = try Self.output(of: folder)
    let exceptions = try EmitterFixtures.exceptions(file: tree).merging(
      try EmitterFixtures.exceptions(file: tree + "-whole"), uniquingKeysWith: { a, _ in a })
    var identical = 0
    for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
      guard let written = pages[path] else {
        Issue.record("\(tree)/\(path) is missing from the output")
        continue
      }
      if written == bytes {
        identical += 1
      } else if exceptions[path] == nil {
        Issue.record("\(tree)/\(path) differs from its regenerated form")
      }
    }
    #expect(identical >= files.count - exceptions.count, "\(tree): \(identical) of \(files.count) identical")
  }

  /// A copy of DISARM 2024-11-22 whose technique pages lost every bullet (`**Summary**:`, `**Belongs to tactic
  /// stage**: TA08`): their fields now look like the 2025 template's, but the pages keep the 2022 layout (no
  /// Associated Technique table, no tactic name), and regenerate so.
  @Test func unbulletedTechniquePagesKeepTheirLayout() throws {
    let copy = TemporaryFolder.url("disarm-variants")
    defer { try? FileManager.default.removeItem(at: copy) }
    try FileManager.default.copyItem(at: Corpus.pageFolder("disarm-2024-11-22"), to: copy)
    var variantFiles: [String: [UInt8]] = [:]
    for (path, bytes) in try Self.markdownFiles(in: copy) where path.hasPrefix("techniques/") {
      let text = String(decoding: bytes, as: UTF8.self)
      guard let marker = text.range(of: Notes.marker) else { continue }
      let head = String(text[..<marker.lowerBound]).replacingOccurrences(of: "* **Summary**:", with: "**Summary**:")
        .replacingOccurrences(of: "* **Belongs to tactic stage**:", with: "**Belongs to tactic stage**:")
      variantFiles[path] = Array((head + text[marker.lowerBound...]).utf8)
      try Data(variantFiles[path]!).write(to: copy.appendingPathComponent(path))
    }
    let (pages, _) = try Self.output(of: copy)
    var identical = 0
    for (path, bytes) in variantFiles.sorted(by: { $0.key < $1.key }) {
      if pages[path] == bytes { identical += 1 } else { Issue.record("unbulleted \(path) differs") }
    }
    #expect(identical > 450, "\(identical) unbulleted technique pages identical")
  }

  /// A copy of DISARM 2025-02-10 rewritten as the one-day template variants between releases wrote pages: links
  /// with one `..` (`../generated_pages/techniques/T0001.md`), `**Belongs to tactic stage**:` without its bullet, and
  /// the Associated Technique table headed `When to use`. Each page regenerates in its own style, byte for byte;
  /// the one-`..` links, which lead nowhere on GitHub, are reported as broken links and kept as written; and a
  /// derived row removed from such a page comes back written with the page's own links.
  @Test func oneDayTemplateVariantsRegenerateInTheirOwnStyle() throws {
    let copy = TemporaryFolder.url("disarm-variants")
    defer { try? FileManager.default.removeItem(at: copy) }
    try FileManager.default.copyItem(at: Corpus.pageFolder("disarm-2025-02-10"), to: copy)
    let rewrites: [(String, String)] = [
      ("](../../generated_pages/", "](../generated_pages/"),
      ("* **Belongs to tactic stage**:", "**Belongs to tactic stage**:"),
      ("| Associated Technique | Description |", "| Associated Technique | When to use |"),
    ]
    var variantFiles: [String: [UInt8]] = [:]
    for (path, bytes) in try Self.markdownFiles(in: copy) where path.contains("/") {
      var text = String(decoding: bytes, as: UTF8.self)
      guard let marker = text.range(of: Notes.marker) else { continue }
      var head = String(text[..<marker.lowerBound])
      for (old, new) in rewrites { head = head.replacingOccurrences(of: old, with: new) }
      text = head + text[marker.lowerBound...]
      variantFiles[path] = Array(text.utf8)
      try Data(text.utf8).write(to: copy.appendingPathComponent(path))
    }
    let technique = "techniques/T0143.002.md"
    let original = try #require(variantFiles[technique].map { String(decoding: $0, as: UTF8.self) })
    #expect(original.contains("**Belongs to tactic stage**:") || original.contains("**Tactic**:"))
    let row = try #require(
      original.split(separator: "\n").first { $0.hasPrefix("| [I") && $0.contains("](../generated_pages/incidents/") })
    try Data(original.replacingOccurrences(of: row + "\n", with: "").utf8).write(
      to: copy.appendingPathComponent(technique))

    let (pages, checked) = try Self.output(of: copy)
    let brokenLinks = checked.diagnostics.filter { $0.rule.rawValue == "broken-link" }
    #expect(brokenLinks.count > 1000, "one-`..` links are reported (\(brokenLinks.count))")
    let exceptions = try EmitterFixtures.exceptions(file: "disarm-2025-02-10")
    var identical = 0
    for (path, bytes) in variantFiles.sorted(by: { $0.key < $1.key }) where exceptions[path] == nil {
      if pages[path] == bytes { identical += 1 } else { Issue.record("variant \(path) differs") }
    }
    #expect(identical > 760, "\(identical) variant pages identical")
    // The removed derived row is back, with the page's own one-`..` link.
    #expect(pages[technique].map { String(decoding: $0, as: UTF8.self) }?.contains(row + "\n") == true)
  }
}
