import Foundation

/// One writer at a time per knowledge base: an advisory `flock` on `.disarm.lock` in the page folder, taken by every
/// command that rewrites pages in place (`build --write`, `lint --fix`). The kernel releases it when the process
/// ends, however it ends, so a killed writer never leaves a stale lock. Read-only commands take no lock.
public final class WriterLock {
  /// The lock file's name in the page folder.
  public static let fileName = ".disarm.lock"

  private let descriptor: Int32

  private init(descriptor: Int32) { self.descriptor = descriptor }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }

  /// Takes the lock of the page folder `folder`, waiting up to `patience` seconds for another writer to finish;
  /// then fails with the other process's id, which it wrote into the lock file when it took the lock.
  public static func acquire(in folder: URL, patience: Double = 2) throws(WriteError) -> WriterLock {
    let path = folder.appendingPathComponent(fileName).path
    // Never through a symbolic link: a knowledge base from a pull request may link `.disarm.lock` to any file the
    // job can write, which taking the lock (it records the process id) would overwrite.
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard descriptor >= 0 else {
      let reason =
        errno == ELOOP ? "is a symbolic link; refusing to write through it" : String(cString: strerror(errno))
      throw WriteError(path: path, reason: "cannot open the writer lock: \(reason)")
    }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
      close(descriptor)
      throw WriteError(path: path, reason: "cannot open the writer lock: not a regular file")
    }
    let deadline = Date().addingTimeInterval(patience)
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
        let holder = owner(descriptor)
        close(descriptor)
        let who = holder.map { "pid \($0)" } ?? "unknown pid"
        throw WriteError(
          path: folder.path, reason: "another disarm process (\(who)) is writing this knowledge base; try again")
      }
      usleep(20_000)
    }
    // Record who holds the lock, for the message a second writer prints.
    ftruncate(descriptor, 0)
    let pid = Array("\(getpid())\n".utf8)
    _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    return WriterLock(descriptor: descriptor)
  }

  /// The process id written in the lock file, if any.
  private static func owner(_ descriptor: Int32) -> Int32? {
    var buffer = [UInt8](repeating: 0, count: 32)
    let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return nil }
    return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
