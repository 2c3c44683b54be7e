import DisarmDiagnostics
import DisarmLint
import DisarmModel
import DisarmParser
import Foundation

/// The knowledge base an editor works on: its page folder, the pages open in the editor (their unsaved text, read
/// instead of the files), and the model and findings of the last check. Every change re-reads the knowledge base
/// with the open pages from memory, as `disarm new` checks a page before writing it.
final class Workspace {
  /// The page folder.
  let folder: URL
  /// A framework description's name or file, when the folder's `.disarm.yml` or the client's settings name one.
  let framework: String?
  /// Unsaved text of open pages, by page-folder-relative path.
  private(set) var open: [String: [UInt8]] = [:]
  /// The model with the open pages, and every finding, by page.
  private(set) var kb: KnowledgeBase
  private(set) var findings: [String: [Diagnostic]] = [:]
  /// The regenerated pages that differ from their text (what a code action offers).
  private(set) var regenerated: [String: [UInt8]] = [:]
  /// How many checks the model has had: what reads the model (the reports' tagger) knows by it when it is out of date.
  private(set) var generation = 0
  /// The pages parsed at the last reload: a reload parses only what changed since.
  private let cache = PageCache()
  /// What the last check found page by page: a check reuses it for the pages that did not change.
  private let lintCache = LintCache()
  /// The model's files by path, made on first use after a reload (references and diagnostics look up many of them;
  /// an edit whose findings stay on its own open page needs none).
  private var sourceFiles: [String: SourceFile] {
    if let files = sourceFilesOfTheModel { return files }
    let files = kb.sourceFiles()
    sourceFilesOfTheModel = files
    return files
  }
  private var sourceFilesOfTheModel: [String: SourceFile]?

  init(folder: URL, framework: String?) throws(LoadError) {
    self.folder = folder
    self.framework = framework
    kb = try KnowledgeBaseLoader.load(
      pageFolder: folder,
      framework: try FrameworkChoice.choose(pageFolder: folder, path: folder.path, explicit: framework), overlay: [:],
      cache: cache)
    check()
  }

  /// The page folder inside `root` (the root itself, its `generated_pages/` or its `data/`), if any.
  static func pageFolder(in root: URL) -> URL? {
    for candidate in [root, root.appendingPathComponent("generated_pages"), root.appendingPathComponent("data")] {
      if KnowledgeBaseLocation.holdsPages(candidate) { return candidate.standardizedFileURL }
    }
    return nil
  }

  /// The page folders of the workspace folders `roots`, in order: a root that is a knowledge base (itself, its
  /// `generated_pages/` or its `data/`), else every knowledge base below it down to three levels (a repository that
  /// keeps several frameworks side by side), in path order. Hidden folders and the output folders of `disarm`
  /// (`build/`, `dist/`, `site/`), which hold pages of their own, are not searched.
  static func pageFolders(in roots: [URL]) -> [URL] {
    var found: [URL] = []
    for root in roots {
      if let folder = pageFolder(in: root) {
        found.append(folder)
        continue
      }
      var level = [root]
      for _ in 0..<3 {
        var next: [URL] = []
        for folder in level {
          let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? []
          for name in names where !name.hasPrefix(".") && !["build", "dist", "site", "node_modules"].contains(name) {
            let child = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: child.path, isDirectory: &isFolder), isFolder.boolValue else {
              continue
            }
            if let pages = pageFolder(in: child) { found.append(pages) } else { next.append(child) }
          }
        }
        level = next
      }
    }
    var seen = Set<String>()
    return found.filter { seen.insert($0.path).inserted }
  }

  /// The page-folder-relative path of a `file:` URI, or nil when it is outside the page folder.
  func path(of uri: String) -> String? {
    guard let url = URL(string: uri), url.isFileURL else { return nil }
    let full = url.standardizedFileURL.path
    let base = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
    guard full.hasPrefix(base) else { return nil }
    return String(full.dropFirst(base.count))
  }

  /// Whether the page-folder-relative `path` is a page of the knowledge base, as the loader lists pages: a `.md` file
  /// at the top of the page folder (a whole page, or one kept as read) or directly in a kind folder (or a kind's
  /// older folder). Another Markdown file in the folder (`reports/takedown.md`, `techniques/drafts/x.md`) is not one:
  /// the server treats it as a report.
  func isPage(_ path: String) -> Bool {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard let name = parts.last, name.hasSuffix(".md") else { return false }
    if parts.count == 1 { return !name.hasPrefix(".") }
    guard parts.count == 2 else { return false }
    let folder = String(parts[0])
    return kb.framework.kind(folder: folder) != nil || kb.framework.kinds.contains { $0.olderFolders.contains(folder) }
  }

  /// The folder the knowledge base is kept in: the folder holding its page folder when that is `generated_pages/` or
  /// `data/` (a repository's own folder, where its reports are), else the page folder itself. A report below it is
  /// tagged against this knowledge base.
  var home: URL {
    ["generated_pages", "data"].contains(folder.lastPathComponent) ? folder.deletingLastPathComponent() : folder
  }

  /// The `file:` URI of a page-folder-relative path; an extension's upstream page is opened where upstream keeps it
  /// (a folder inside the knowledge base; a git revision's pages have no file to open, and keep the union's path).
  func uri(of path: String) -> String {
    if let upstream = kb.upstream, upstream.isUpstreamFile(path), case .folder = upstream.release.setting.source {
      return upstream.release.pageFolder.appendingPathComponent(path).absoluteString
    }
    return folder.appendingPathComponent(path).absoluteString
  }

  /// The text of a page as the editor has it (open) or as the file holds it.
  func source(_ path: String) -> SourceFile? {
    if let bytes = open[path] { return SourceFile(path: path, bytes: bytes) }
    if let file = sourceFiles[path] { return file }
    guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else { return nil }
    return SourceFile(path: path, bytes: [UInt8](data))
  }

  /// Sets the editor's text of `path`, or (nil) closes it: a closed page is read from disk again at the next reload,
  /// since the editor may have saved it without saying so.
  func setOpen(_ path: String, _ bytes: [UInt8]?) {
    open[path] = bytes
    if bytes == nil { cache.forget(path) }
  }

  /// Every page path: the model's files and the pages open in the editor.
  var allPaths: Set<String> { Set(sourceFiles.keys).union(open.keys) }

  /// Re-reads the knowledge base with the open pages and checks it: returns the pages whose findings changed.
  /// `diskChanged` is false after an edit in the editor: then only the open pages are parsed again, and the folder is
  /// neither listed nor looked at.
  @discardableResult
  func reload(diskChanged: Bool = true) throws(LoadError) -> Set<String> {
    kb = try KnowledgeBaseLoader.load(
      pageFolder: folder, framework: kb.framework, overlay: open, cache: cache, diskUnchanged: !diskChanged)
    let before = findings
    check()
    var changed = Set<String>()
    for path in Set(before.keys).union(findings.keys) where before[path] != findings[path] { changed.insert(path) }
    return changed
  }

  private func check() {
    sourceFilesOfTheModel = nil
    generation += 1
    // Only the open pages are regenerated: their derived content is what the editor shows out of date.
    var checked = Linter.check(kb, renderingOnly: Set(open.keys), cache: lintCache)
    // The drift phase (a derived table out of date) compares with the pages read: open pages with their text.
    _ = try? checked.changes(in: folder, reporting: true)
    findings = Dictionary(grouping: checked.diagnostics, by: \.file)
    regenerated = [:]
    for page in checked.rendered.pages { regenerated[page.path] = page.bytes }
  }
}
