import DisarmParser
import Foundation

/// Finds the knowledge base a command works on.
enum KnowledgeBaseLocation {
  /// `--kb` if given, else the page folder containing the first of `paths`, else `DISARM_KB`, else `data/` when it
  /// exists, else the current folder.
  static func find(explicit: String?, paths: [String] = []) -> String {
    if let explicit { return explicit }
    if let first = paths.first, let folder = pageFolder(containing: first) { return folder }
    if let environment = ProcessInfo.processInfo.environment["DISARM_KB"], !environment.isEmpty { return environment }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: "data", isDirectory: &isDirectory), isDirectory.boolValue { return "data" }
    return "."
  }

  /// The nearest ancestor of `path` that holds a kind folder (`techniques/`, `tactics/`, …).
  static func pageFolder(containing path: String) -> String? {
    var url = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
    while url.path != "/" {
      for kind in ObjectKind.pageKinds {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.appendingPathComponent(kind.folder).path, isDirectory: &isDirectory),
          isDirectory.boolValue
        {
          return url.path
        }
      }
      url = url.deletingLastPathComponent()
    }
    return nil
  }

  /// `path` relative to `folder` (both resolved against the current directory), or nil when it lies outside.
  static func relative(_ path: String, to folder: URL) -> String? {
    let file = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
    guard file.hasPrefix(base + "/") else { return nil }
    return String(file.dropFirst(base.count + 1))
  }
}

extension KnowledgeBaseLocation {
  static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  /// Whether `folder` holds at least one kind folder or whole-knowledge-base page.
  static func holdsPages(_ folder: URL) -> Bool {
    ObjectKind.pageKinds.contains { isDirectory(folder.appendingPathComponent($0.folder).path) }
  }

  /// How to print paths in the page folder: relative to the current directory when inside it, else absolute.
  static func displayPrefix(for folder: URL) -> String {
    let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
    let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
      .resolvingSymlinksInPath().path
    if base == current { return "" }
    if base.hasPrefix(current + "/") { return String(base.dropFirst(current.count + 1)) + "/" }
    return base + "/"
  }
}
