import Foundation
import Testing

/// The reference corpora in `../shared/corpus/`; tests skip with a message when they are absent.
enum Corpus {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let root = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")
  static let names = ["disarm-2022-07-02", "disarm-2024-03-13", "disarm-2024-11-22", "disarm-2025-02-10"]
  static var available: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(names[3]).path) }
  static let skipMessage: Comment = "../shared/corpus is absent: corpus tests skipped"

  static func pages(_ name: String) -> URL { root.appendingPathComponent(name).appendingPathComponent("generated_pages") }
  static let stixOracle = root.appendingPathComponent("oracles/DISARM-stix-2025-02-10.json")
}
