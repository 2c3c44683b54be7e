import DisarmDiagnostics
import DisarmLint
import DisarmModel
import DisarmTestSupport
import Foundation
import Testing

@testable import DisarmLanguageServer

/// The language server re-checks a knowledge base after each edit reusing what the last check computed (pages
/// parsed, objects, relation runs, page rules' findings, links and references of unchanged pages). These tests
/// make random edits, in the editor and on disk, and after each compare the server's findings with a check from
/// scratch of the same text: the reuse must never change a finding.
@Suite struct IncrementalCheckTests {
  /// The findings of a check from scratch: no cache, every page read again, the open pages from their text.
  static func fromScratch(_ workspace: Workspace) throws -> [String: [Diagnostic]] {
    let kb = try KnowledgeBaseLoader.load(
      pageFolder: workspace.folder, framework: workspace.kb.framework, overlay: workspace.open)
    var checked = Linter.check(kb, renderingOnly: Set(workspace.open.keys))
    _ = try? checked.changes(in: workspace.folder, reporting: true)
    return Dictionary(grouping: checked.diagnostics, by: \.file)
  }

  /// One edit of a page's text, as someone typing might make it.
  static func edit(_ text: [UInt8], _ generator: inout SeededRandom) -> (String, [UInt8]) {
    var lines = String(decoding: text, as: UTF8.self).components(separatedBy: "\n")
    let marker = lines.firstIndex { $0.contains("DO NOT EDIT ABOVE THIS LINE") } ?? lines.count
    let line = Int.random(in: 0..<max(1, marker), using: &generator)
    let description: String
    switch Int.random(in: 0..<9, using: &generator) {
    case 0:
      description = "renamed the heading"
      if let colon = lines[0].firstIndex(of: ":") { lines[0] = String(lines[0][..<colon]) + ": Renamed Object" }
    case 1:
      description = "a misspelt identifier on line \(line + 1)"
      lines[line] += " T9999.999: Nothing"
    case 2:
      description = "a known identifier on line \(line + 1)"
      lines[line] += " T0151.004: Chat Platform, TA07"
    case 3:
      description = "deleted line \(line + 1)"
      if lines.count > 1 { lines.remove(at: line) }
    case 4:
      description = "repeated line \(line + 1)"
      lines.insert(lines[line], at: line)
    case 5:
      description = "trailing spaces after the name"
      lines[0] += "  "
    case 6:
      description = "emptied line \(line + 1)"
      lines[line] = ""
    case 7:
      description = "a NUL byte on line \(line + 1)"
      lines[line] += "\u{0}"
    default:
      description = "a table row with a wrong cell count"
      lines.insert("| [T0151.008 Microblogging Platform](../techniques/T0151.008.md) |", at: line)
    }
    return (description, Array(lines.joined(separator: "\n").utf8))
  }

  static func pages(in folder: URL) -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    var paths: [String] = []
    while let path = enumerator?.nextObject() as? String {
      // Object pages and the whole pages at the root (indexes, matrices: a row deleted there makes a page stale).
      if path.hasSuffix(".md"), path.split(separator: "/").count <= 2 { paths.append(path) }
    }
    return paths.sorted()
  }

  /// Random edits in open pages, pages opened and closed, and files changed, added and removed on disk behind the
  /// editor's back; after every one the findings equal a check from scratch.
  static func randomEdits(on source: URL, framework: String?, steps: Int, seed: UInt64) throws {
    let folder = TemporaryFolder.make("disarm-incremental")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.removeItem(at: folder)
    try FileManager.default.copyItem(at: source, to: folder)
    let workspace = try Workspace(folder: folder.standardizedFileURL, framework: framework)
    var generator = SeededRandom(seed: seed)
    var paths = pages(in: workspace.folder)
    #expect(try workspace.findings == fromScratch(workspace), "the first check")
    for step in 0..<steps {
      let path = paths.randomElement(using: &generator)!
      let onDisk = FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent(path).path)
      var diskChanged = false
      let description: String
      switch Int.random(in: 0..<10, using: &generator) {
      case 0...5:
        // An edit in the editor (the page opened first if it was not).
        let text = workspace.open[path] ?? workspace.source(path).map(\.bytes) ?? []
        let (what, edited) = edit(text, &generator)
        workspace.setOpen(path, edited)
        description = "\(path): \(what)"
      case 6:
        workspace.setOpen(path, nil)
        description = "\(path): closed"
      case 7 where onDisk:
        // Changed on disk: a different size, so that the size alone tells the cache.
        let url = workspace.folder.appendingPathComponent(path)
        var bytes = try [UInt8](Data(contentsOf: url))
        bytes += Array("\nEdited on disk at step \(step) \(String(repeating: "x", count: step % 7)).\n".utf8)
        bytes.insert(contentsOf: Array(" T0151.004".utf8), at: bytes.firstIndex(of: 10) ?? 0)
        try Data(bytes).write(to: url)
        diskChanged = true
        description = "\(path): changed on disk"
      case 8 where onDisk:
        // A new page on disk, a copy of another under a new identifier of the same kind.
        let parts = path.split(separator: "/")
        let stem = String(parts.last!.dropLast(3))
        let newPath = (parts.count == 2 ? "\(parts[0])/" : "") + "\(stem)9.md"
        if !paths.contains(newPath) {
          try Data(contentsOf: workspace.folder.appendingPathComponent(path)).write(
            to: workspace.folder.appendingPathComponent(newPath))
          paths.append(newPath)
        }
        diskChanged = true
        description = "\(newPath): created on disk"
      case 9 where onDisk:
        // A page removed from disk (still open: the editor's text stands for it).
        try? FileManager.default.removeItem(at: workspace.folder.appendingPathComponent(path))
        if workspace.open[path] == nil { paths.removeAll { $0 == path } }
        diskChanged = true
        description = "\(path): removed from disk"
      default:
        // The page is open but gone from disk: the editor saves it.
        try Data(workspace.open[path] ?? []).write(to: workspace.folder.appendingPathComponent(path))
        diskChanged = true
        description = "\(path): saved"
      }
      try workspace.reload(diskChanged: diskChanged)
      let expected = try fromScratch(workspace)
      let got = workspace.findings
      #expect(got == expected, "step \(step): \(description)")
      if got != expected {
        for file in Set(got.keys).union(expected.keys).sorted() where got[file] != expected[file] {
          Issue.record("\(file): incremental \(got[file] ?? []) from scratch \(expected[file] ?? [])")
        }
        return
      }
    }
  }

  @Test func randomEditsOfTheSampleGiveTheFindingsOfACheckFromScratch() throws {
    try Self.randomEdits(on: TestSupport.sampleData, framework: nil, steps: 120, seed: 18)
  }

  @Test(
    .enabled(if: Corpus.available, Corpus.skipMessage),
    arguments: ["amitt-2019-10-15", "disarm-2025-02-10", "disarm-2025-07-03", "disarm-2026-07-19"])
  func randomEditsOfARealReleaseGiveTheFindingsOfACheckFromScratch(_ release: String) throws {
    try Self.randomEdits(on: Corpus.pageFolder(release), framework: nil, steps: 30, seed: 2025)
  }
}
