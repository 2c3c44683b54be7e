import DisarmTestSupport
import Foundation

/// The emitter tests' own `Fixtures/` folder: the golden files ``Golden`` checks there, and the pages each corpus is
/// allowed to regenerate differently.
enum EmitterFixtures {
  static let golden = Golden(besides: #filePath)

  /// `Fixtures/RegenerationExceptions/<file>.txt`: one `path<TAB>reason` line per page that is allowed to differ;
  /// blank lines and lines starting with `#` are ignored; a missing file means no exceptions.
  static func exceptions(file: String) throws -> [String: String] {
    let url = golden.fixtures.appendingPathComponent("RegenerationExceptions/\(file).txt")
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
