import Foundation
import Testing

/// Golden files, compared byte for byte and re-recorded when `DISARM_RECORD=1` (review the diff); one implementation
/// for every test target, each passing its own `Fixtures` folder.
public struct Golden: Sendable {
  /// The folder the golden files live in.
  public let fixtures: URL

  public init(fixtures: URL) { self.fixtures = fixtures }

  /// The `Fixtures` folder beside a test target's source file: pass `#filePath`.
  public init(besides filePath: String) {
    self.init(fixtures: URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Fixtures"))
  }

  /// Whether to write the golden files instead of checking them: `DISARM_RECORD=1`.
  public static var recording: Bool { ProcessInfo.processInfo.environment["DISARM_RECORD"] == "1" }

  /// Compares `bytes` with the golden file `name` (relative to `fixtures`); a difference is recorded as an issue and
  /// the actual output written to `<tmp>/actual-<name with / as ->`.
  public func check(_ bytes: [UInt8], against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = fixtures.appendingPathComponent(name)
    if Self.recording {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
      return
    }
    let expected = try #require(
      FileManager.default.contents(atPath: url.path), "missing golden file \(name); run with DISARM_RECORD=1",
      sourceLocation: sourceLocation)
    if Array(expected) != bytes {
      let actual = FileManager.default.temporaryDirectory.appendingPathComponent(
        "actual-" + name.replacingOccurrences(of: "/", with: "-"))
      try Data(bytes).write(to: actual)
      Issue.record(
        "output differs from golden \(name); see `diff \(url.path) \(actual.path)`; re-record with DISARM_RECORD=1",
        sourceLocation: sourceLocation)
    }
  }

  /// ``check(_:against:sourceLocation:)`` for `Data`.
  public func check(_ data: Data, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try check(Array(data), against: name, sourceLocation: sourceLocation)
  }
}
