import Foundation

/// A pause between planning and writing, for the tests that edit a page while a writer runs: with
/// `DISARM_TEST_PAUSE_BEFORE_WRITE=FOLDER`, a writer creates `FOLDER/ready` once it has planned its changes and
/// waits until `FOLDER/go` exists (at most a minute) before it writes. Makes the race deterministic instead of a
/// matter of sleeping; unset, it costs one environment lookup per write batch.
enum TestHook {
  static func pauseBeforeWriting() {
    guard let folder = ProcessInfo.processInfo.environment["DISARM_TEST_PAUSE_BEFORE_WRITE"], !folder.isEmpty else {
      return
    }
    FileManager.default.createFile(atPath: folder + "/ready", contents: Data())
    let deadline = Date().addingTimeInterval(60)
    while !FileManager.default.fileExists(atPath: folder + "/go"), Date() < deadline { usleep(5_000) }
  }
}
