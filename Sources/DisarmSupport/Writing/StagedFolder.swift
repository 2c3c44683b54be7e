import Foundation

/// A whole output folder (`build --output OUT`) built next to its destination and published in one rename, so that
/// no reader ever sees half an output, and a crash leaves the previous output whole.
///
/// Files are written straight into the fresh staging folder, from all cores: nobody else can see it, so the
/// per-file temporary name and rename that ``AtomicFile`` needs for pages in place would be wasted work. The
/// publishing rename swaps the staging folder with the old output (`renameat2(RENAME_EXCHANGE)` on Linux) and then
/// removes the old tree.
public struct StagedFolder: Sendable {
  /// Where the output is published.
  public let destination: URL
  /// The folder being filled, next to `destination` (same file system, so the rename is atomic).
  public let staging: URL

  /// Starts an output for `destination`. An existing destination may hold only `owned` names (what this output
  /// writes): anything else there is a user's file that publishing would remove, so it is an error. Staging
  /// folders that a killed run left next to the destination are removed first.
  public static func begin(_ destination: URL, owned: Set<String>) throws(WriteError) -> StagedFolder {
    let parent = destination.deletingLastPathComponent()
    let name = destination.lastPathComponent
    var status = stat()
    if lstat(destination.path, &status) == 0 {
      guard status.st_mode & S_IFMT == S_IFDIR else {
        throw WriteError(path: destination.path, reason: "exists and is not a folder")
      }
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: destination.path)) ?? []
      if let foreign = entries.sorted().first(where: { !owned.contains($0) }) {
        throw WriteError(
          path: destination.path,
          reason: "holds '\(foreign)', which disarm did not write; give an empty or new output folder")
      }
    }
    removeLeftovers(named: name, in: parent)
    let staging = parent.appendingPathComponent(".\(name).disarm-\(getpid()).staging")
    do {
      try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    } catch {
      throw WriteError(path: parent.path, reason: "cannot create folder: \((error as NSError).localizedDescription)")
    }
    return StagedFolder(destination: destination, staging: staging)
  }

  /// Writes `files` (paths relative to the output folder) into the staging folder, on all cores.
  public func write(_ files: [(path: String, bytes: [UInt8])]) throws(WriteError) {
    // Folders first, each once, so that the parallel writes only create files.
    var folders = Set<String>()
    for file in files {
      var folder = file.path
      while let slash = folder.lastIndex(of: "/") {
        folder = String(folder[..<slash])
        guard folders.insert(folder).inserted else { break }
      }
    }
    for folder in folders.sorted() {
      let path = try SafePath.resolvePath(folder, in: staging.path)
      if mkdir(path, 0o755) != 0, errno != EEXIST {
        throw WriteError(path: path, reason: "cannot create folder: \(String(cString: strerror(errno)))")
      }
    }
    let base = staging.path
    let failures = ParallelMap.map(files) { file -> WriteError? in
      do throws(WriteError) {
        try Self.writeNew(file.bytes, toPath: try SafePath.resolvePath(file.path, in: base))
        return nil
      } catch {
        return error
      }
    }
    if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
  }

  /// Streams one file (`disarm.json`) into the staging folder.
  public func stream(_ path: String, _ produce: (AtomicFile.ChunkWriter) -> Void) throws(WriteError) {
    try AtomicFile.stream(toPath: try SafePath.resolvePath(path, in: staging.path), durable: false, produce)
  }

  /// Replaces the destination with the staging folder in one rename, then removes the old output.
  public func publish() throws(WriteError) {
    if renameExchange(staging.path, destination.path) {
      Self.removeTree(staging.path)
      return
    }
    // No old output (or no exchange on this system): move any old output aside, then rename.
    let aside = staging.path + ".old"
    let hadOld = rename(destination.path, aside) == 0
    guard rename(staging.path, destination.path) == 0 else {
      let reason = String(cString: strerror(errno))
      if hadOld { rename(aside, destination.path) }
      throw WriteError(path: destination.path, reason: reason)
    }
    if hadOld { Self.removeTree(aside) }
  }

  /// Removes the staging folder (after a failure).
  public func discard() { Self.removeTree(staging.path) }

  /// Writes a file that does not exist yet, in one `open`/`write`/`close`.
  static func writeNew(_ bytes: [UInt8], toPath path: String) throws(WriteError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
    let writer = AtomicFile.ChunkWriter(descriptor: descriptor)
    writer.write(bytes)
    close(descriptor)
    if let failure = writer.failure { throw WriteError(path: path, reason: failure) }
  }

  /// Staging folders (`.NAME.disarm-PID.staging`, and their `.old` twins) whose process no longer runs.
  static func removeLeftovers(named name: String, in parent: URL) {
    let prefix = ".\(name).disarm-"
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] {
      guard entry.hasPrefix(prefix) else { continue }
      let rest = entry.dropFirst(prefix.count)
      guard let dot = rest.firstIndex(of: "."), let pid = pid_t(rest[..<dot]), rest[dot...].hasPrefix(".staging"),
        kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      removeTree(parent.appendingPathComponent(entry).path)
    }
  }

  /// Removes a folder and everything in it (never following symbolic links).
  static func removeTree(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

  /// Swaps two paths atomically where the system can (Linux `renameat2` with `RENAME_EXCHANGE`); false when
  /// `to` does not exist or the exchange is not supported.
  func renameExchange(_ from: String, _ to: String) -> Bool {
    #if os(Linux)
      // 2 is RENAME_EXCHANGE.
      return linuxRenameat2(AT_FDCWD, from, AT_FDCWD, to, 2) == 0
    #else
      return false
    #endif
  }
}

#if os(Linux)
  // glibc (2.28 and later) exports renameat2, but Swift's Glibc module does not declare it.
  @_silgen_name("renameat2")
  private func linuxRenameat2(
    _ oldDirectory: Int32, _ oldPath: UnsafePointer<CChar>, _ newDirectory: Int32, _ newPath: UnsafePointer<CChar>,
    _ flags: UInt32
  ) -> Int32
#endif
