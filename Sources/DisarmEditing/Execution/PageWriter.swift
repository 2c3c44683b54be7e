import DisarmRegeneration
import DisarmSupport
import Foundation

/// The executor's writes into a knowledge base: each page replaced in place only while it still holds the bytes it
/// was read with (compare-and-swap), pages removed the same way, and the temporary files of killed runs cleaned up.
/// Internal to the editing target: every write into a knowledge base goes through ``VerifiedChangePlan``.
enum PageWriter {
  /// Writes each change in place (temporary files in the same folders, one flush for all, then a compare-and-swap
  /// rename each; see ``AtomicFile/writeBatch(_:onlyIf:)``). Unchanged
  /// files are untouched; a page that changed on disk since it was read is left as it is and returned as a
  /// conflict. Temporary files that an earlier, killed run left behind are removed first. Call it holding the
  /// ``WriterLock``.
  @discardableResult
  static func apply(_ changes: [PageSync.Change], in folder: URL) throws(WriteError) -> [PageSync.Conflict] {
    var files: [(path: String, bytes: [UInt8])] = []
    let folderPath = folder.path
    for change in changes {
      files.append((try SafePath.resolvePath(change.page.path, in: folderPath), change.page.bytes))
    }
    try checkInsideTree(files.map(\.path), of: folder)
    removeLeftoverTemporaryFiles(in: folder)
    TestHook.pauseBeforeWriting()
    // Folders a new page needs (an import into a new folder), created before the parallel writes.
    for folder in Set(files.map { parentFolder(of: $0.path) }) {
      try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    // Rewrites are flushed to disk before they replace a page (which may hold notes); new pages, which hold nothing
    // a crash could lose, are renamed into place without the flush, as `build --output` writes.
    var conflicts: [PageSync.Conflict] = []
    for durable in [true, false] {
      let indices = changes.indices.filter { changes[$0].isCreation != durable }
      let written = try AtomicFile.writeBatch(indices.map { files[$0] }, durable: durable) { position in
        let index = indices[position]
        return OnDisk.matches(OnDisk.contents(atPath: files[index].path), changes[index].page.basis)
      }
      conflicts += zip(indices, written).filter { !$0.1 }.map { PageSync.Conflict(path: changes[$0.0].page.path) }
    }
    return conflicts.sorted { $0.path < $1.path }
  }

  /// Removes pages (`disarm import --prune`: pages of objects the spreadsheet no longer has), each only if it still
  /// holds exactly the bytes it was read with. The page is first renamed aside (atomic), checked again there, and put
  /// back if it changed between the check and the rename; so an edit made meanwhile is never lost. Returns the pages
  /// left alone because they changed. Call it holding the ``WriterLock``.
  static func remove(_ pages: [PageRemoval], in folder: URL) throws(WriteError)
    -> [PageSync.Conflict]
  {
    try checkInsideTree(
      try pages.map { page throws(WriteError) in try SafePath.resolvePath(page.path, in: folder.path) }, of: folder)
    var conflicts: [PageSync.Conflict] = []
    for page in pages {
      let path = try SafePath.resolvePath(page.path, in: folder.path)
      guard OnDisk.contents(atPath: path) == .file(page.bytes) else {
        conflicts.append(PageSync.Conflict(path: page.path))
        continue
      }
      let directory = (path as NSString).deletingLastPathComponent
      let name = (path as NSString).lastPathComponent
      let aside = "\(directory)/.\(name).disarm-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
      guard rename(path, aside) == 0 else {
        throw WriteError(path: page.path, reason: "cannot remove: \(String(cString: strerror(errno)))")
      }
      if OnDisk.contents(atPath: aside) == .file(page.bytes) {
        unlink(aside)
      } else {
        // Changed in the instant between the check and the rename: put back unless a new file took its place.
        if link(aside, path) == 0 { unlink(aside) }
        conflicts.append(PageSync.Conflict(path: page.path))
      }
    }
    return conflicts
  }

  /// Refuses the whole write when a page would land outside the tree: a kind folder that is a symbolic link to a
  /// folder elsewhere (a knowledge base from a pull request may link `techniques/` to any folder the job can write).
  /// Checked for every page before any is written. Links to files are safe already: a rewrite compares what the
  /// path holds without following links and replaces the link itself, never its target.
  static func checkInsideTree(_ paths: [String], of folder: URL) throws(WriteError) {
    var checked = Set<String>()
    let root = folder.path
    for path in paths {
      let parent = parentFolder(of: path)
      guard checked.insert(parent).inserted else { continue }
      guard TreeBoundary.contains(root: root, parent) else {
        throw WriteError(
          path: parent,
          reason: "is a link to a folder outside the knowledge base; refusing to write there (nothing written)")
      }
    }
  }

  /// `(path as NSString).deletingLastPathComponent`, without Foundation for the usual path (absolute, no empty
  /// component, no trailing slash), where it is everything before the last slash: Foundation's took half of an
  /// import's writing time in user code.
  static func parentFolder(of path: String) -> String {
    var path = path
    // The last slash, when the path is absolute, does not end in a slash and has no empty component (read on the
    // bytes: going through the path's view pair by pair took a fifth of an import's writing).
    let slash = path.withUTF8 { bytes -> Int? in
      guard bytes.first == UInt8(ascii: "/"), bytes.last != UInt8(ascii: "/") else { return nil }
      var last = 0
      for index in 1..<bytes.count where bytes[index] == UInt8(ascii: "/") {
        if bytes[index - 1] == UInt8(ascii: "/") { return nil }
        last = index
      }
      return last
    }
    guard let slash else { return (path as NSString).deletingLastPathComponent }
    return slash == 0 ? "/" : String(decoding: path.utf8.prefix(slash), as: UTF8.self)
  }

  /// Removes `.NAME.disarm-PID-N.tmp` files (``AtomicFile``'s temporary files) whose process no longer runs, from the
  /// page folder and its kind folders: what a run killed mid-write leaves. Other files are never touched.
  static func removeLeftoverTemporaryFiles(in folder: URL) {
    let manager = FileManager.default
    var folders = [folder.path]
    for entry in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] where !entry.hasPrefix(".") {
      var isDirectory: ObjCBool = false
      let path = folder.appendingPathComponent(entry).path
      if manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { folders.append(path) }
    }
    // Only folders of the tree itself: a kind folder linked elsewhere is not the knowledge base's to clean.
    for path in folders where TreeBoundary.contains(root: folder.path, path) {
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
