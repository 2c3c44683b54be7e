import Foundation

/// What a path holds right now, read without following a symbolic link: the state a compare-and-swap write
/// compares with the ``RenderedPage/Basis`` the model was read from.
package enum OnDisk: Equatable {
  /// Nothing at the path.
  case absent
  /// A regular file, with its exact bytes.
  case file([UInt8])
  /// A symbolic link, a folder, or a file that cannot be read: never replaced by a rewrite.
  case other

  /// The file's bytes, or nil when the path holds no regular file.
  package var bytes: [UInt8]? {
    if case .file(let bytes) = self { return bytes }
    return nil
  }

  /// The state of `path`, read at once (one `lstat`, one `open` that refuses symbolic links, reads to the end).
  package static func contents(atPath path: String) -> OnDisk {
    var status = stat()
    guard lstat(path, &status) == 0 else { return errno == ENOENT ? .absent : .other }
    guard status.st_mode & S_IFMT == S_IFREG else { return .other }
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { return errno == ENOENT ? .absent : .other }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(status.st_size))
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      if count < 0 { return .other }
      if count == 0 { break }
      bytes += chunk[0..<count]
    }
    return .file(bytes)
  }

  /// Whether `state` is what the model read (`basis`); files the model never read match anything.
  package static func matches(_ state: OnDisk, _ basis: RenderedPage.Basis) -> Bool {
    switch basis {
    case .unread: true
    case .absent: state == .absent
    case .bytes(let bytes): state == .file(bytes)
    }
  }
}
