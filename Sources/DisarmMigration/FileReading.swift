import Dispatch
import Foundation

/// Files being read and recognised (``FileMigration/read(_:)``) on a thread of their own, started before the releases
/// are loaded: a 10,000-incident bundle's reading takes as long as loading a release, and needs none. The thread is
/// the reader's own rather than one of the shared pool's, so that loading keeps every core of the pool.
public final class FileReading: @unchecked Sendable {
  private let finished = DispatchSemaphore(value: 0)
  /// Written once by the reading thread, before it signals `finished`.
  private var outcome: Result<[FileMigration.ReadFile], MigrationFailure>?

  /// Starts reading `paths`.
  public init(_ paths: [String]) {
    let thread = Thread { [self] in
      outcome = Result { () throws(MigrationFailure) in try FileMigration.read(paths) }
      finished.signal()
    }
    // The JSON reader recurses once per level of nesting (at most 64): the main thread's stack size is plenty.
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// The files read, once the reading has finished; its first failure otherwise.
  public func files() throws(MigrationFailure) -> [FileMigration.ReadFile] {
    finished.wait()
    finished.signal()
    return try outcome!.get()
  }
}
