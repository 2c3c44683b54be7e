import DisarmModel
import Foundation

/// A page folder in a temporary directory, written from a dictionary of page-folder-relative path to content, so that
/// tests build small knowledge bases the same way in every target.
public struct TemporaryKnowledgeBase {
  public let url: URL

  public init(_ pages: [String: String], prefix: String = "disarm-test") throws {
    url = TemporaryFolder.url(prefix)
    for (path, content) in pages {
      let file = url.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(content.utf8).write(to: file)
    }
  }

  public func remove() { try? FileManager.default.removeItem(at: url) }

  /// Writes `pages` to a temporary page folder, loads it, and removes it.
  public static func load(_ pages: [String: String]) throws -> KnowledgeBase {
    let folder = try TemporaryKnowledgeBase(pages, prefix: "disarm-pages")
    defer { folder.remove() }
    return try KnowledgeBaseLoader.load(from: folder.url.path)
  }
}
