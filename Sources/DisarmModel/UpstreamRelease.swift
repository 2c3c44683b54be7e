import DisarmFramework
import DisarmSupport
import Foundation

/// The upstream knowledge base an extension's `.disarm.yml` names (``UpstreamSetting``), found on disk: a folder
/// inside the tree, or a git revision of a repository inside the tree read into a temporary folder. Its pages are
/// read with the local ones and never written.
///
/// Only what lies inside the knowledge base is read: the setting comes from anyone's pull request, so a folder or
/// repository that resolves outside the tree (`../../secrets`, a link to `/etc`) is refused without being read.
public struct UpstreamRelease: Sendable {
  /// The setting as configured.
  public let setting: UpstreamSetting
  /// The configuration file that declares it.
  public let configuration: URL
  /// The upstream page folder on disk (inside a temporary checkout for a git revision).
  public let pageFolder: URL
  /// The temporary checkout of a git revision, removed by ``remove()``.
  let temporaryRoot: URL?
  /// The page folder as output names it: the configured folder (with `/generated_pages` when the pages are there),
  /// or `repository@revision:path`.
  public let pageFolderLabel: String

  /// The upstream configured for the page folder `folder`: nil when its `.disarm.yml` (in the folder or its parent)
  /// has no `extends:`.
  public static func configured(for folder: URL) throws(LoadError) -> UpstreamRelease? {
    guard let file = try FrameworkChoice.configurationFile(in: folder),
      let data = FileManager.default.contents(atPath: file.path)
    else { return nil }
    let setting: UpstreamSetting?
    do {
      setting = try UpstreamSetting.read(configuration: String(decoding: data, as: UTF8.self), path: file.path)
    } catch {
      throw .badDescription(error)
    }
    guard let setting else { return nil }
    return try resolve(setting, configuration: file, pageFolder: folder)
  }

  /// `setting` found on disk for the knowledge base whose page folder is `pageFolder` and whose configuration file is
  /// `configuration`: the folder checked to lie inside the tree, or the revision read through git.
  public static func resolve(_ setting: UpstreamSetting, configuration: URL, pageFolder: URL) throws(LoadError)
    -> UpstreamRelease
  {
    let root = configuration.deletingLastPathComponent().path
    let place = "\(configuration.path):\(setting.line)"
    func inside(_ value: String, _ key: String) throws(LoadError) -> String {
      let path = value.hasPrefix("/") ? value : root + "/" + value
      guard TreeBoundary.contains(root: root, path) else {
        throw .badUpstream(
          "\(place): '\(key): \(BoundedYAML.inert(value, limit: 60))' names a folder outside the knowledge base; "
            + "only a folder inside it (a vendored copy or a submodule) is read")
      }
      return path
    }
    switch setting.source {
    case .folder(let value):
      let path = try inside(value, "extends")
      guard KnowledgeBaseLocation.isDirectory(path) else {
        throw .badUpstream("\(place): the upstream folder '\(BoundedYAML.inert(value, limit: 60))' does not exist")
      }
      let folder = try PageFolder.resolve(path)
      try checkNotLocal(folder, pageFolder: pageFolder, place: place)
      let trimmed = value.hasSuffix("/") ? String(value.dropLast()) : value
      return UpstreamRelease(
        setting: setting, configuration: configuration, pageFolder: folder, temporaryRoot: nil,
        pageFolderLabel: trimmed + (folder.lastPathComponent == "generated_pages" ? "/generated_pages" : ""))
    case .repository(let repository, let revision, let pagesPath):
      let repositoryPath = try inside(repository, "repository")
      guard !pagesPath.split(separator: "/").contains("..") else {
        throw .badUpstream("\(place): 'path' must stay inside the repository")
      }
      guard KnowledgeBaseLocation.isDirectory(repositoryPath) else {
        throw .badUpstream(
          "\(place): the upstream repository '\(BoundedYAML.inert(repository, limit: 60))' does not exist")
      }
      let checkout: (root: URL, path: String)
      do {
        checkout = try GitRevision.checkout(revision, of: repositoryPath, subfolder: pagesPath)
      } catch {
        throw .badUpstream("\(place): upstream '\(BoundedYAML.inert(setting.label, limit: 80))': \(error.description)")
      }
      do {
        let folder = try PageFolder.resolve(checkout.path)
        let inside = [pagesPath, folder.path == checkout.path ? "" : "generated_pages"].filter { !$0.isEmpty }
        return UpstreamRelease(
          setting: setting, configuration: configuration, pageFolder: folder, temporaryRoot: checkout.root,
          pageFolderLabel: "\(repository)@\(revision):" + inside.joined(separator: "/"))
      } catch {
        try? FileManager.default.removeItem(at: checkout.root)
        throw .badUpstream("\(place): upstream '\(setting.label)': \(error.description)")
      }
    }
  }

  /// The upstream must be another tree than the local pages: the local page folder itself, or a folder holding it,
  /// would read every local page twice.
  static func checkNotLocal(_ folder: URL, pageFolder: URL, place: String) throws(LoadError) {
    let upstream = TreeBoundary.realPath(folder.path) ?? folder.path
    let local = TreeBoundary.realPath(pageFolder.path) ?? pageFolder.path
    if upstream == local || local.hasPrefix(upstream + "/") {
      throw .badUpstream("\(place): the upstream folder holds the local pages themselves; name another folder")
    }
  }

  /// How findings and `show` name a page read from upstream: under the upstream's folder as configured, or
  /// `repository@revision:` for a git revision.
  public func displayPath(of relative: String) -> String {
    pageFolderLabel.hasSuffix(":") ? pageFolderLabel + relative : pageFolderLabel + "/" + relative
  }

  /// Removes a git revision's temporary checkout (its pages are in memory once read).
  public func remove() {
    if let temporaryRoot { try? FileManager.default.removeItem(at: temporaryRoot) }
  }
}
