import Foundation

/// Locates `../shared/` (seeds and corpus) next to the repository.
enum SharedFiles {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")
  static let seeds = shared.appendingPathComponent("seeds")
  static var seedsAvailable: Bool { FileManager.default.fileExists(atPath: seeds.path) }

  static func seed(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: seeds.appendingPathComponent(name)))
  }
}
