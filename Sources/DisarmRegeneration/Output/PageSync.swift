import DisarmDiagnostics
import Foundation

/// Compares regenerated pages with the pages on disk and brings the disk up to date, one atomic write per page.
public enum PageSync {
  /// A page whose regenerated content differs from the file on disk (or that does not exist yet).
  public struct Change: Sendable {
    /// The regenerated page, whose bytes replace `current`.
    public var page: RenderedPage
    /// The current bytes on disk, or nil when the file does not exist.
    public var current: [UInt8]?
    /// Whether applying the change creates the file rather than rewriting one.
    public var isCreation: Bool { current == nil }
  }

  /// The pages of `rendered` that differ from the files under `folder`.
  public static func changes(_ rendered: [RenderedPage], in folder: URL) throws(WriteError) -> [Change] {
    var changes: [Change] = []
    for page in rendered {
      let path = try SafePath.resolvePath(page.path, in: folder.path)
      let current = FileManager.default.contents(atPath: path).map(Array.init)
      if current != page.bytes { changes.append(Change(page: page, current: current)) }
    }
    return changes
  }

  /// Writes each change in place (temporary file in the same folder, fsync, rename). Unchanged files are untouched.
  /// Temporary files that an earlier, killed run left behind are removed first.
  public static func apply(_ changes: [Change], in folder: URL) throws(WriteError) {
    removeLeftoverTemporaryFiles(in: folder)
    for change in changes {
      try AtomicFile.write(change.page.bytes, toPath: try SafePath.resolvePath(change.page.path, in: folder.path))
    }
  }
}

extension PageSync {
  /// Removes `.NAME.disarm-PID-N.tmp` files (``AtomicFile``'s temporary files) whose process no longer runs, from the
  /// page folder and its kind folders: what a run killed mid-write leaves. Other files are never touched.
  public static func removeLeftoverTemporaryFiles(in folder: URL) {
    let manager = FileManager.default
    var folders = [folder.path]
    for entry in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] where !entry.hasPrefix(".") {
      var isDirectory: ObjCBool = false
      let path = folder.appendingPathComponent(entry).path
      if manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { folders.append(path) }
    }
    for path in folders {
      for entry in (try? manager.contentsOfDirectory(atPath: path)) ?? [] {
        guard let pid = leftoverOwner(entry), kill(pid, 0) != 0, errno == ESRCH else { continue }
        unlink(path + "/" + entry)
      }
    }
  }

  /// The process id in a temporary file name `.NAME.disarm-PID-N.tmp`, or nil for any other name.
  static func leftoverOwner(_ name: String) -> pid_t? {
    guard name.hasPrefix("."), name.hasSuffix(".tmp"), let marker = name.range(of: ".disarm-", options: .backwards)
    else { return nil }
    let parts = name[marker.upperBound...].dropLast(4).split(separator: "-")
    guard parts.count == 2, let pid = pid_t(parts[0]), UInt32(parts[1]) != nil else { return nil }
    return pid
  }
}

/// Keeps writes inside the folder they are meant for.
public enum SafePath {
  /// `folder/relative`, refusing absolute paths and any `..` component, so that no path taken from page content can
  /// lead outside `folder`.
  public static func resolve(_ relative: String, in folder: URL) throws(WriteError) -> URL {
    URL(fileURLWithPath: try resolvePath(relative, in: folder.path))
  }

  /// ``resolve(_:in:)`` for paths, without Foundation's URL (which is slow for thousands of pages).
  public static func resolvePath(_ relative: String, in folder: String) throws(WriteError) -> String {
    let components = relative.split(separator: "/", omittingEmptySubsequences: false)
    guard !relative.hasPrefix("/"), !relative.isEmpty, !components.contains(".."), !relative.contains("\0") else {
      throw WriteError(path: relative, reason: "refusing to write outside \(folder)")
    }
    return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
  }
}
