import DisarmDiagnostics
import DisarmParser
import Foundation

/// The pages a long-running reader (the language server) parsed last time, by path, with each file's size and
/// modification time when it was read: a reload reads and parses only the files that changed, which on a large
/// knowledge base is most of a reload's time. A file changed within the same clock tick as its last reading and to
/// the same size would be missed; editors report such changes (`didChangeWatchedFiles`), and the page is then read
/// from the editor's text anyway.
public final class PageCache: @unchecked Sendable {
  /// What identifies a file's content without reading it.
  struct Stamp: Equatable {
    var size: Int
    var modified: Int
    var inode: UInt

    init?(path: String) {
      var status = stat()
      guard stat(path, &status) == 0 else { return nil }
      size = Int(status.st_size)
      modified = Int(status.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(status.st_mtim.tv_nsec)
      inode = UInt(status.st_ino)
    }
  }

  struct Entry {
    var stamp: Stamp
    var parsed: KnowledgeBaseLoader.ParsedFile
  }

  var entries: [String: Entry] = [:]

  /// The folder's pages as last listed from disk, with what the listing skipped: reused while the caller knows the
  /// disk has not changed (an editor's keystroke changes only its own unsaved text).
  var listing:
    (files: [KnowledgeBaseLoader.PageFile], skipped: [SkippedFile], upstream: KnowledgeBaseLoader.UpstreamListing?)?

  /// The relations read from runs of consecutive objects at the last link, by the run's first identifier: a run
  /// whose pages are the very same page objects reads the same, so only the runs a change reaches are read again.
  var relationRuns: [DisarmID: RelationRun] = [:]

  /// The object each page was read as at the last link, by path: the same page object gives the same object (the
  /// linker marks stale ones afresh).
  var objects: [String: DisarmObject] = [:]

  /// What each index page gave at the last link (the identifiers it lists, the objects that live only in it), by
  /// path, with the bytes read: the same bytes read the same.
  var indexReadings: [String: IndexReading] = [:]
  struct IndexReading {
    var bytes: [UInt8]
    var listed: [DisarmID: SourcePosition]?
    var objects: [DisarmObject]?
    var problems: [ReadingProblem]
  }

  /// What a run of objects gave the relation reader, and the pages it was read from.
  struct RelationRun {
    var pages: [ObjectPage]
    var reader: RelationReader
  }

  public init() {}

  /// Forgets what was read from `path`, so that the next reading takes the file from disk whatever its size and
  /// time: a page closed in the editor may have been saved without the editor saying so.
  public func forget(_ path: String) { entries[path] = nil }
}
