import DisarmTestSupport
import Foundation

/// The fuzz seeds in `../shared/seeds/`, which only the parser tests read (the corpus and the repository root are
/// in `DisarmTestSupport`).
enum SharedFiles {
  static let seeds = TestSupport.sharedFolder.appendingPathComponent("seeds")
  static var seedsAvailable: Bool { FileManager.default.fileExists(atPath: seeds.path) }

  static func seed(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: seeds.appendingPathComponent(name)))
  }
}
