import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file in the same folder,
/// are flushed to disk, and the temporary file is renamed over the target.
public enum AtomicFile {
  /// Writes `bytes` to `url`, creating parent folders as needed. With `durable` (the default, used for pages
  /// rewritten in place) the data is flushed to disk before the rename; build outputs that can be regenerated skip
  /// the flush and keep the atomic rename.
  public static func write(_ bytes: [UInt8], to url: URL, durable: Bool = true) throws(WriteError) {
    try write(bytes, toPath: url.path, durable: durable)
  }

  /// ``write(_:to:durable:)`` for a file path. With `onlyIf`, the rename happens only if it returns true when
  /// the new content is on disk and ready (compare-and-swap: the check and the rename are microseconds apart);
  /// otherwise the temporary file is removed and the target left as it is. Returns whether the file was written.
  @discardableResult
  public static func write(
    _ bytes: [UInt8], toPath path: String, durable: Bool = true, onlyIf check: (() -> Bool)? = nil
  ) throws(WriteError) -> Bool {
    try stream(toPath: path, durable: durable, onlyIf: check) { $0.write(bytes) }
  }

  /// Writes a file produced piece by piece: `produce` hands chunks to the ``ChunkWriter``, which writes them to the
  /// temporary file at once; the file appears under `path` only when all of it is written.
  @discardableResult
  public static func stream(
    toPath path: String, durable: Bool = true, onlyIf check: (() -> Bool)? = nil,
    _ produce: (ChunkWriter) -> Void
  ) throws(WriteError) -> Bool {
    let (folder, name) = split(path)
    let temporary = "\(folder)/.\(name).disarm-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    var fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    if fd < 0, errno == ENOENT {
      // Create missing folders only when needed: most writes go to folders that exist.
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw WriteError(path: folder, reason: "cannot create folder: \((error as NSError).localizedDescription)")
      }
      fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    }
    guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
    // A rewritten page keeps the permissions it had.
    var existing = stat()
    if stat(path, &existing) == 0 { fchmod(fd, existing.st_mode & 0o7777) }
    let writer = ChunkWriter(descriptor: fd)
    produce(writer)
    var failure = writer.failure
    if failure == nil, durable, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
    close(fd)
    if failure == nil, let check, !check() {
      unlink(temporary)
      return false
    }
    if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
    if failure == nil, durable {
      // Flush the folder too, so that the rename itself survives a power loss.
      let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      if folderDescriptor >= 0 {
        fsync(folderDescriptor)
        close(folderDescriptor)
      }
    }
    if let failure {
      unlink(temporary)
      throw WriteError(path: path, reason: failure)
    }
    return true
  }

  /// A path's folder (`.` when it names none) and file name, split at its last slash (found among its bytes: the
  /// kernel splits a path at every `/` byte, and a search by characters cost a tenth of an import's writing).
  static func split(_ path: String) -> (folder: String, name: String) {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return (".", path) }
    return (String(path[..<slash]), String(path[path.utf8.index(after: slash)...]))
  }

  /// A file written to its temporary name and not yet renamed over its target (see ``writeBatch(_:onlyIf:)``).
  struct Staged {
    var path: String
    var temporary: String
  }

  /// Writes many files with one flush instead of one per file, keeping each file's guarantees: every file's bytes go
  /// to a temporary file beside it (on all cores), one `syncfs` puts all of them on disk, then each is renamed over
  /// its target, only if `check(index)` still says yes just before (compare-and-swap), and each folder is flushed
  /// once so that the renames last. A reader never sees half a file, and after a power loss every file is either
  /// the old one or the new one. Returns, per file, whether it was written.
  ///
  /// Without `durable`, the flushes are skipped (the renames stay atomic): for files that did not exist, which a
  /// crash can only leave missing or empty, never holding lost work, and which the run that wrote them makes again.
  package static func writeBatch(
    _ files: [(path: String, bytes: [UInt8])], durable: Bool = true, onlyIf check: (Int) -> Bool
  ) throws(WriteError) -> [Bool] {
    guard !files.isEmpty else { return [] }
    let staged = ParallelMap.map(Array(files.indices)) { index -> Result<Staged, WriteError> in
      let path = files[index].path
      let (folder, name) = split(path)
      let temporary = "\(folder)/.\(name).disarm-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
      let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      guard fd >= 0 else { return .failure(WriteError(path: path, reason: String(cString: strerror(errno)))) }
      var existing = stat()
      if stat(path, &existing) == 0 { fchmod(fd, existing.st_mode & 0o7777) }
      let writer = ChunkWriter(descriptor: fd)
      writer.write(files[index].bytes)
      close(fd)
      if let failure = writer.failure {
        unlink(temporary)
        return .failure(WriteError(path: path, reason: failure))
      }
      return .success(Staged(path: path, temporary: temporary))
    }
    var ready: [Staged] = []
    var firstFailure: WriteError?
    for result in staged {
      switch result {
      case .success(let file): ready.append(file)
      case .failure(let error): firstFailure = firstFailure ?? error
      }
    }
    if let firstFailure {
      for file in ready { unlink(file.temporary) }
      throw firstFailure
    }
    // One flush of the file system that holds them all.
    let anchor = durable ? open(ready[0].temporary, O_RDONLY | O_CLOEXEC) : -1
    if anchor >= 0 {
      if systemSyncfs(anchor) != 0 {
        let reason = String(cString: strerror(errno))
        close(anchor)
        for file in ready { unlink(file.temporary) }
        throw WriteError(path: ready[0].path, reason: "cannot flush to disk: \(reason)")
      }
      close(anchor)
    }
    var written = [Bool](repeating: false, count: files.count)
    var folders = Set<String>()
    // One after the other: renames into one folder take its lock, and on all cores they only waited for each other.
    for (index, file) in ready.enumerated() {
      guard check(index) else {
        unlink(file.temporary)
        continue
      }
      if rename(file.temporary, file.path) != 0 {
        let reason = String(cString: strerror(errno))
        for later in ready[index...] { unlink(later.temporary) }
        throw WriteError(path: file.path, reason: reason)
      }
      written[index] = true
      folders.insert(split(file.path).folder)
    }
    for folder in folders.sorted() where durable {
      let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      if descriptor >= 0 {
        fsync(descriptor)
        close(descriptor)
      }
    }
    return written
  }

  /// Receives the chunks of a file being written by ``AtomicFile/stream(toPath:durable:onlyIf:_:)``.
  public final class ChunkWriter {
    let descriptor: Int32
    /// The first write error, after which further chunks are ignored.
    private(set) var failure: String?

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// Writes `bytes` at once; after a failure it ignores further chunks, and ``AtomicFile`` throws the failure at the
    /// end.
    public func write(_ bytes: [UInt8]) {
      bytes.withUnsafeBytes { write($0) }
    }

    /// Writes bytes held elsewhere (a database SQLite keeps in memory) without copying them into an array first.
    public func write(_ buffer: UnsafeRawBufferPointer) {
      guard failure == nil, let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = String(cString: strerror(errno))
          return
        }
        offset += written
      }
    }
  }
}

/// Linux's `syncfs(2)` (flush one file system), which Glibc's Swift module does not export. It is in every glibc
/// since 2.14.
@_silgen_name("syncfs")
private func systemSyncfs(_ descriptor: Int32) -> Int32
