import DisarmDiagnostics
import DisarmParser
import Dispatch

/// The floor `disarm` is measured against: read every file and parse it with libcmark, nothing else.
enum ParsingFloor {
  /// Reads and cmark-parses each file (on all cores when `parallel`); returns the number of bytes read. With
  /// `copies` (one target path per input, in folders that exist), also writes each file's bytes to its target in
  /// one `open`/`write`/`close`: the write floor, what writing that many files costs on this disk.
  static func run(paths: [String], parallel: Bool, copies: [String]? = nil) -> Int {
    let total = ManagedCounter()
    let work: @Sendable (Int) -> Void = { index in
      guard let bytes = readFile(paths[index]) else { return }
      CommonMarkFloor.parse(bytes)
      if let copies { writeNew(bytes, to: copies[index]) }
      total.add(bytes.count)
    }
    if parallel {
      DispatchQueue.concurrentPerform(iterations: paths.count, execute: work)
    } else {
      for index in paths.indices { work(index) }
    }
    return total.value
  }

  static func writeNew(_ bytes: [UInt8], to path: String) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return }
    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
  }

  static func readFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = fread(&chunk, 1, chunk.count, file)
      if count > 0 { bytes += chunk[0..<count] }
      if count < chunk.count { break }
    }
    return bytes
  }

  final class ManagedCounter: @unchecked Sendable {
    private var total = 0
    private let lock = NSLockLike()
    func add(_ value: Int) { lock.locked { total += value } }
    var value: Int { lock.locked { total } }
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A pthread mutex, so that the parser module needs no Foundation.
final class NSLockLike: @unchecked Sendable {
  private var mutex = pthread_mutex_t()
  init() { pthread_mutex_init(&mutex, nil) }
  deinit { pthread_mutex_destroy(&mutex) }
  func locked<T>(_ body: () -> T) -> T {
    pthread_mutex_lock(&mutex)
    defer { pthread_mutex_unlock(&mutex) }
    return body()
  }
}
