import DisarmDiagnostics
import DisarmSupport
import Foundation

/// Compares regenerated pages with the pages on disk and brings the disk up to date, one atomic write per page.
///
/// No lost update: a page is replaced only while the file still holds exactly the bytes the model was read from
/// (``RenderedPage/Basis``). A page edited, truncated, replaced, deleted or turned into a symbolic link after
/// `disarm` read it is left alone and reported as a ``Conflict``, both when the changes are planned and again
/// just before each rename. Writers also hold the ``WriterLock`` so that two runs never interleave.
public enum PageSync {
  /// A page that changed on disk after the knowledge base was read: it is not rewritten.
  public struct Conflict: Sendable, Equatable {
    /// Path relative to the page folder.
    public var path: String
  }

  /// A page whose regenerated content differs from the file on disk (or that does not exist yet).
  public struct Change: Sendable {
    /// The regenerated page, whose bytes replace `current`.
    public var page: RenderedPage
    /// The current bytes on disk, or nil when the file does not exist.
    public var current: [UInt8]?
    /// Whether applying the change creates the file rather than rewriting one.
    public var isCreation: Bool { current == nil }

    /// A change to `page`, whose file holds `current` (nil: the file is to be created).
    public init(page: RenderedPage, current: [UInt8]?) {
      self.page = page
      self.current = current
    }
  }

  /// The pages of `rendered` that differ from the files under `folder`. Pages to rewrite whose file no longer
  /// holds what the model was read from are not changes but conflicts (see ``plan(_:in:)``).
  public static func changes(_ rendered: [RenderedPage], in folder: URL) throws(WriteError) -> [Change] {
    try plan(rendered, in: folder).changes
  }

  /// The changes to make, and the pages that changed on disk since the model was read. A page read with the
  /// model is compared with the bytes read (the compare-and-swap in ``apply(_:in:)`` sees any later edit); a page
  /// that did not exist, or that the model did not read, is looked up on disk.
  public static func plan(_ rendered: [RenderedPage], in folder: URL) throws(WriteError)
    -> (changes: [Change], conflicts: [Conflict])
  {
    var changes: [Change] = []
    var conflicts: [Conflict] = []
    for page in rendered {
      switch page.basis {
      case .bytes(let read):
        // The file as read is what a rewrite may replace: no second read, the writer compares again anyway.
        if read != page.bytes { changes.append(Change(page: page, current: read)) }
      case .absent, .unread:
        let path = try SafePath.resolvePath(page.path, in: folder.path)
        let current = OnDisk.contents(atPath: path)
        if current.bytes == page.bytes { continue }
        if OnDisk.matches(current, page.basis) {
          changes.append(Change(page: page, current: current.bytes))
        } else {
          conflicts.append(Conflict(path: page.path))
        }
      }
    }
    return (changes, conflicts)
  }

  /// Writes each change in place (temporary files in the same folders, one flush for all, then a compare-and-swap
  /// rename each; see ``AtomicFile/writeBatch(_:onlyIf:)``). Unchanged
  /// files are untouched; a page that changed on disk since it was read is left as it is and returned as a
  /// conflict. Temporary files that an earlier, killed run left behind are removed first. Call it holding the
  /// ``WriterLock``.
  @discardableResult
  public static func apply(_ changes: [Change], in folder: URL) throws(WriteError) -> [Conflict] {
    removeLeftoverTemporaryFiles(in: folder)
    TestHook.pauseBeforeWriting()
    var files: [(path: String, bytes: [UInt8])] = []
    for change in changes {
      files.append((try SafePath.resolvePath(change.page.path, in: folder.path), change.page.bytes))
    }
    // Folders a new page needs (an import into a new folder), created before the parallel writes.
    for folder in Set(files.map { ($0.path as NSString).deletingLastPathComponent }) {
      try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    // Rewrites are flushed to disk before they replace a page (which may hold notes); new pages, which hold nothing
    // a crash could lose, are renamed into place without the flush, as `build --output` writes.
    var conflicts: [Conflict] = []
    for durable in [true, false] {
      let indices = changes.indices.filter { changes[$0].isCreation != durable }
      let written = try AtomicFile.writeBatch(indices.map { files[$0] }, durable: durable) { position in
        let index = indices[position]
        return OnDisk.matches(OnDisk.contents(atPath: files[index].path), changes[index].page.basis)
      }
      conflicts += zip(indices, written).filter { !$0.1 }.map { Conflict(path: changes[$0.0].page.path) }
    }
    return conflicts.sorted { $0.path < $1.path }
  }
}

extension PageSync {
  /// Removes pages (`disarm import --prune`: pages of objects the spreadsheet no longer has), each only if it still
  /// holds exactly the bytes it was read with. The page is first renamed aside (atomic), checked again there, and put
  /// back if it changed between the check and the rename; so an edit made meanwhile is never lost. Returns the pages
  /// left alone because they changed. Call it holding the ``WriterLock``.
  public static func remove(_ pages: [(path: String, bytes: [UInt8])], in folder: URL) throws(WriteError)
    -> [Conflict]
  {
    var conflicts: [Conflict] = []
    for page in pages {
      let path = try SafePath.resolvePath(page.path, in: folder.path)
      guard OnDisk.contents(atPath: path) == .file(page.bytes) else {
        conflicts.append(Conflict(path: page.path))
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
        conflicts.append(Conflict(path: page.path))
      }
    }
    return conflicts
  }

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
