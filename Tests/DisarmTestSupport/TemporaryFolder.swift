import Foundation

/// Fresh, uniquely named folders under the system's temporary directory, so that tests never share scratch space.
///
/// Every folder handed out is removed when the test process exits, whether or not its test removed it: hundreds of
/// forgotten output folders per run filled `/tmp` and slowed every later file operation on the machine.
public enum TemporaryFolder {
  /// A unique location `<tmp>/<prefix>-<UUID>`, not yet created.
  public static func url(_ prefix: String = "disarm-test") -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    Registry.shared.add(url)
    return url
  }

  /// A unique folder `<tmp>/<prefix>-<UUID>`, created empty.
  public static func make(_ prefix: String = "disarm-test") -> URL {
    let url = url(prefix)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The folders handed out, removed at exit.
  final class Registry: @unchecked Sendable {
    static let shared: Registry = {
      let registry = Registry()
      atexit { Registry.shared.removeAll() }
      return registry
    }()

    private let lock = NSLock()
    private var urls: [URL] = []

    func add(_ url: URL) { lock.withLock { urls.append(url) } }

    func removeAll() {
      let all = lock.withLock { urls }
      for url in all { Self.remove(url) }
    }

    /// Removes `url`, first making its folders writable where it is a copy of the read-only corpus.
    static func remove(_ url: URL) {
      let manager = FileManager.default
      guard (try? manager.removeItem(at: url)) == nil, manager.fileExists(atPath: url.path) else { return }
      let folders = [url.path] + (manager.subpaths(atPath: url.path) ?? []).map { url.path + "/" + $0 }
      for path in folders {
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
          try? manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
      }
      try? manager.removeItem(at: url)
    }
  }
}
