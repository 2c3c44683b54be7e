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

  public init() {}
}
