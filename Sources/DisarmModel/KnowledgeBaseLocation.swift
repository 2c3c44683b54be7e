import DisarmFramework
import DisarmParser
import Foundation

/// Finds the knowledge base a command works on.
public enum KnowledgeBaseLocation {
  /// `--kb` if given, else the page folder containing the first of `paths`, else `DISARM_KB`, else `data/` when it
  /// exists, else the current folder.
  public static func find(explicit: String?, paths: [String] = []) -> String {
    if let explicit { return explicit }
    if let first = paths.first, let folder = pageFolder(containing: first) { return folder }
    if let environment = ProcessInfo.processInfo.environment["DISARM_KB"], !environment.isEmpty { return environment }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: "data", isDirectory: &isDirectory), isDirectory.boolValue {
      return "data"
    }
    return "."
  }

  /// The nearest ancestor of `path` that holds a kind folder (`techniques/`, `tactics/`, …).
  public static func pageFolder(containing path: String) -> String? {
    var url = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
    while url.path != "/" {
      if holdsPages(url) { return url.path }
      url = url.deletingLastPathComponent()
    }
    return nil
  }

  /// `path` relative to `folder` (both resolved against the current directory), or nil when it lies outside.
  public static func relative(_ path: String, to folder: URL) -> String? {
    let file = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
    guard file.hasPrefix(base + "/") else { return nil }
    return String(file.dropFirst(base.count + 1))
  }
}

extension KnowledgeBaseLocation {
  /// Whether `path` names an existing folder; a symbolic link to one counts.
  public static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  /// Whether `folder` holds at least one kind folder of a built-in framework, or of the framework its
  /// `.disarm.yml` names.
  public static func holdsPages(_ folder: URL) -> Bool {
    // A `.disarm.yml` naming a framework marks the knowledge base even when that description cannot be read:
    // loading it then reports the description's mistake rather than looking elsewhere.
    if (try? FrameworkChoice.configured(in: folder))??.file.deletingLastPathComponent().standardizedFileURL.path
      == folder.standardizedFileURL.path
    {
      return true
    }
    return kindFolders(near: folder).contains { isDirectory(folder.appendingPathComponent($0).path) }
  }

  /// Every kind folder of the built-in frameworks, and of the one `.disarm.yml` (in `folder` or its parent) names.
  static func kindFolders(near folder: URL) -> Set<String> {
    var folders = Set(BuiltInFrameworks.all.flatMap { $0.kinds.compactMap(\.folder) })
    if let (value, file) = (try? FrameworkChoice.configured(in: folder)) ?? nil,
      let framework = try? FrameworkChoice.resolve(
        value, relativeTo: file.deletingLastPathComponent().path,
        confinedTo: (file.deletingLastPathComponent().path, file.path))
    {
      folders.formUnion(framework.kinds.compactMap(\.folder))
    }
    return folders
  }

  /// How to print paths in the page folder: relative to the current directory when inside it, else absolute.
  public static func displayPrefix(for folder: URL) -> String {
    let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
    let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
      .resolvingSymlinksInPath().path
    if base == current { return "" }
    if base.hasPrefix(current + "/") { return String(base.dropFirst(current.count + 1)) + "/" }
    return base + "/"
  }
}

extension KnowledgeBaseLocation {
  /// The knowledge base and the paths to report on for `disarm lint PATHS… [--kb DIR]`: a single folder argument
  /// that holds pages is the knowledge base itself (`disarm lint data`); otherwise the knowledge base is the one
  /// around the paths inside a page folder (files outside any, such as a staged README.md, do not choose it).
  public static func forPages(_ paths: [String], explicit: String?) -> (directory: String, paths: [String]) {
    if explicit == nil, paths.count == 1, let folder = try? PageFolder.resolve(paths[0]), holdsPages(folder) {
      return (paths[0], [])
    }
    let inPageFolders = paths.filter { pageFolder(containing: $0) != nil }
    return (find(explicit: explicit, paths: inPageFolders.isEmpty ? paths : inPageFolders), paths)
  }
}
