import DisarmModel
import Foundation
import Testing

/// The reference corpora in `../shared/corpus/`, for every emitter test; tests skip with a message when absent.
enum EmitterCorpus {
  static let root = Golden.repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")
  static let names = ["disarm-2022-07-02", "disarm-2024-03-13", "disarm-2024-11-22", "disarm-2025-02-10"]
  static var available: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(names[3]).path) }

  static func pages(_ name: String) -> URL {
    root.appendingPathComponent(name).appendingPathComponent("generated_pages")
  }

  /// `Fixtures/RegenerationExceptions/<file>.txt`: one `path<TAB>reason` line per page that is allowed to differ;
  /// blank lines and lines starting with `#` are ignored; a missing file means no exceptions.
  static func exceptions(file: String) throws -> [String: String] {
    let url = Golden.fixtures.appendingPathComponent("RegenerationExceptions/\(file).txt")
    guard let data = FileManager.default.contents(atPath: url.path) else { return [:] }
    var result: [String: String] = [:]
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
      let parts = line.split(separator: "\t", maxSplits: 1)
      guard let path = parts.first, !path.trimmingWhitespace().isEmpty else { continue }
      result[String(path)] = parts.count > 1 ? String(parts[1]) : ""
    }
    return result
  }
}

/// Small knowledge bases written for a test.
enum TemporaryPages {
  /// Writes `pages` (page-folder-relative path to content) to a temporary page folder, loads it, and removes it.
  static func load(_ pages: [String: String]) throws -> KnowledgeBase {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("disarm-pages-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    for (path, content) in pages {
      let file = url.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(content.utf8).write(to: file)
    }
    return try KnowledgeBaseLoader.load(from: url.path)
  }
}
