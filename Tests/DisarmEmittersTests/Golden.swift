import Foundation
import Testing

/// Golden files under `Fixtures/`: compared byte for byte; re-recorded when `DISARM_RECORD=1`.
enum Golden {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static var recording: Bool { ProcessInfo.processInfo.environment["DISARM_RECORD"] == "1" }

  static func check(_ bytes: [UInt8], against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = fixtures.appendingPathComponent(name)
    if recording {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
      return
    }
    let expected = try #require(
      FileManager.default.contents(atPath: url.path), "missing golden file \(name); run with DISARM_RECORD=1",
      sourceLocation: sourceLocation)
    if Array(expected) != bytes {
      let actual = FileManager.default.temporaryDirectory.appendingPathComponent("actual-" + name.replacingOccurrences(of: "/", with: "-"))
      try Data(bytes).write(to: actual)
      Issue.record(
        "output differs from golden \(name); see `diff \(url.path) \(actual.path)`; re-record with DISARM_RECORD=1",
        sourceLocation: sourceLocation)
    }
  }
}
