import Foundation

/// The edge of a knowledge base: what a path really names once symbolic links and `..` are resolved, and whether
/// that is inside the tree. A knowledge base comes from anyone's pull request, so a page, a configuration, a framework
/// description, a register or a kind folder may be a link to `/etc/shadow` or `/proc/self/environ`; every reader
/// asks here before it opens anything, and nothing outside the tree is read, quoted or written.
public enum TreeBoundary {
  /// The real path of `path` (every symbolic link and `..` resolved), or nil when it does not exist.
  public static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Whether `path` resolves to `root` or to something inside it (`root` resolved too). A path that does not exist
  /// is judged by its nearest existing parent, so that a file about to be created in a linked folder is caught.
  public static func contains(root: String, _ path: String) -> Bool {
    contains(root: root, path, links: 0)
  }

  private static func contains(root: String, _ path: String, links: Int) -> Bool {
    guard let base = realPath(root) else { return false }
    // A link whose destination does not exist: judged by where it points (within a bound on chains of links).
    if realPath(path) == nil, isSymbolicLink(path) {
      // A chain of more than 40 links (a loop) leads nowhere: the system refuses to open it (ELOOP) as it does, so
      // reading it fails as unreadable rather than reaching anything outside.
      guard links < 40 else { return true }
      guard let target = readLink(path) else { return false }
      let parent = (path as NSString).deletingLastPathComponent
      return contains(root: root, target.hasPrefix("/") ? target : parent + "/" + target, links: links + 1)
    }
    var candidate = path
    var missing: [String] = []
    var resolved = realPath(candidate)
    while resolved == nil {
      let parent = (candidate as NSString).deletingLastPathComponent
      guard !parent.isEmpty, parent != candidate else { return false }
      missing.append((candidate as NSString).lastPathComponent)
      candidate = parent
      resolved = realPath(candidate)
    }
    // A missing component that is `..` could climb out again.
    guard let inside = resolved, !missing.contains("..") else { return false }
    return inside == base || inside.hasPrefix(base == "/" ? "/" : base + "/")
  }

  /// The destination a symbolic link holds, as written.
  static func readLink(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink(path, &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Whether `path` is a symbolic link (not followed).
  public static func isSymbolicLink(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
  }
}
