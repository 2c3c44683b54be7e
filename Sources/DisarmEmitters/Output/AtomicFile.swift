import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file in the same folder,
/// are flushed to disk, and the temporary file is renamed over the target.
public enum AtomicFile {
  /// Writes `bytes` to `url`, creating parent folders as needed.
  public static func write(_ bytes: [UInt8], to url: URL) throws(WriteError) {
    let folder = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw WriteError(path: folder.path, reason: "cannot create folder: \(String(describing: (error as NSError).localizedDescription))")
    }
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).disarm-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard fd >= 0 else { throw WriteError(path: url.path, reason: String(cString: strerror(errno))) }
    // A rewritten page keeps the permissions it had.
    var existing = stat()
    if stat(url.path, &existing) == 0 { fchmod(fd, existing.st_mode & 0o7777) }
    var failure: String?
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = String(cString: strerror(errno))
          return
        }
        offset += written
      }
    }
    if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
    close(fd)
    if failure == nil, rename(temporary.path, url.path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary.path)
      throw WriteError(path: url.path, reason: failure)
    }
  }
}

/// A file that could not be written.
public struct WriteError: Error, CustomStringConvertible {
  public var path: String
  public var reason: String
  public var description: String { "\(path): cannot write: \(reason)" }
}
