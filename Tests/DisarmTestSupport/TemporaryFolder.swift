import Foundation

/// Fresh, uniquely named folders under the system's temporary directory, so that tests never share scratch space.
public enum TemporaryFolder {
  /// A unique location `<tmp>/<prefix>-<UUID>`, not yet created.
  public static func url(_ prefix: String = "disarm-test") -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
  }

  /// A unique folder `<tmp>/<prefix>-<UUID>`, created empty.
  public static func make(_ prefix: String = "disarm-test") -> URL {
    let url = url(prefix)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
