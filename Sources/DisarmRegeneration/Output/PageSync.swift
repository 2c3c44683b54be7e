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

    public init(path: String) { self.path = path }
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
    let folderPath = folder.path
    for page in rendered {
      switch page.basis {
      case .bytes(let read):
        // The file as read is what a rewrite may replace: no second read, the writer compares again anyway.
        if !RenderedPage.sameBytes(read, page.bytes) { changes.append(Change(page: page, current: read)) }
      case .absent, .unread:
        let path = try SafePath.resolvePath(page.path, in: folderPath)
        let current = OnDisk.contents(atPath: path)
        if let existing = current.bytes, RenderedPage.sameBytes(existing, page.bytes) { continue }
        if OnDisk.matches(current, page.basis) {
          changes.append(Change(page: page, current: current.bytes))
        } else {
          conflicts.append(Conflict(path: page.path))
        }
      }
    }
    return (changes, conflicts)
  }
}
