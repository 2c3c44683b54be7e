import DisarmTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// End-to-end: `disarm build --write` killed with SIGKILL at random moments never leaves a half-written page.
///
/// A synthetic knowledge base (the size of the 2025 release, 2025 template, a note on every technique page) is
/// migrated with `--write --template 2022`, which changes every technique page. Each iteration copies it, starts
/// the migration and kills it: a quarter of the runs in their first 50 ms, a quarter at a random moment, and half
/// 0-50 ms (at most the length of the write phase) after the first temporary page file appears, so that most kills
/// land while pages are being written. It then checks that every page is byte for byte its old or its new
/// content, that no page went missing or appeared, and that every note is intact. Every few iterations the killed
/// copy is then migrated to completion, which must give exactly the uninterrupted result.
///
/// `DISARM_KILL_ITERATIONS` sets the number of iterations (default 16, about 40 s with the debug binary);
/// `scripts/kill-test.sh` runs 200 with the release binary.
@Suite(.serialized) struct KillTests {
  static var iterations: Int {
    Int(ProcessInfo.processInfo.environment["DISARM_KILL_ITERATIONS"] ?? "") ?? 16
  }

  /// The `.md` files under `folder` by relative path.
  static func pages(in folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
    while let relative = enumerator.nextObject() as? String {
      guard relative.hasSuffix(".md") else { continue }
      result[relative] = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path)
    }
    return result
  }

  /// Temporary files the writer leaves behind when killed between creating and renaming them.
  static func leftovers(in folder: URL) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
    var result: [String] = []
    while let relative = enumerator.nextObject() as? String {
      if relative.hasSuffix(".tmp") { result.append(relative) }
    }
    return result
  }

  /// The bytes from the notes marker line to the end, or nil without a marker.
  static func notes(_ data: Data) -> Data? {
    guard let range = data.range(of: Data("\nDO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW".utf8)) else {
      return nil
    }
    return data[range.lowerBound...]
  }

  /// The first and last modification times (seconds after `start`) of the `pages` under `folder` that were
  /// rewritten (differ from `old`, when given); nil when none was.
  static func writeWindow(
    of pages: Set<String>, in folder: URL, since start: Date, ifChangedFrom old: [String: Data]? = nil
  ) -> (first: Double, last: Double)? {
    let times = pages.compactMap { path -> Double? in
      let url = folder.appendingPathComponent(path)
      if let old, FileManager.default.contents(atPath: url.path) == old[path] { return nil }
      let date = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
      return date?.timeIntervalSince(start)
    }
    guard let first = times.min(), let last = times.max() else { return nil }
    return (max(0, first), max(first + 0.005, last))
  }

  /// When to kill a run.
  enum Trigger {
    /// This many seconds after it starts.
    case after(Double)
    /// This many seconds after `folder` first changes (a temporary page file is created in it).
    case afterChangeOf(URL, Double)
  }

  /// A folder's modification time in nanoseconds.
  static func modificationTime(_ folder: URL) -> Int {
    var info = stat()
    guard stat(folder.path, &info) == 0 else { return 0 }
    #if canImport(Darwin)
      return Int(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int(info.st_mtimespec.tv_nsec)
    #else
      return Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
    #endif
  }

  /// Starts `disarm` with `arguments` and kills it with SIGKILL when `trigger` says, unless it has exited by then.
  static func runAndKill(_ arguments: [String], _ trigger: Trigger) throws -> (killed: Bool, status: Int32) {
    let process = Process()
    process.executableURL = DisarmProcess.binary
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    var delay: Double
    switch trigger {
    case .after(let seconds):
      try process.run()
      delay = seconds
    case .afterChangeOf(let folder, let seconds):
      let initial = modificationTime(folder)
      try process.run()
      // Poll every 0.2 ms until the writer creates its first temporary file (or the run ends).
      while process.isRunning, modificationTime(folder) == initial { usleep(200) }
      delay = seconds
    }
    var killed = false
    if finished.wait(timeout: .now() + delay) == .timedOut {
      kill(process.processIdentifier, SIGKILL)
      killed = true
      finished.wait()
    }
    return (killed, process.terminationStatus)
  }

  @Test func killedWriteLeavesEveryPageOldOrNew() throws {
    let root = TemporaryFolder.make("disarm-cli")
    defer { try? FileManager.default.removeItem(at: root) }
    let original = root.appendingPathComponent("original")
    let synthesize = try DisarmProcess.run(
      ["synthesize", "--scale", "1", "--seed", "7", "--output", original.path], timeout: 120,
      tool: DisarmProcess.benchBinary)
    try #require(synthesize.status == 0, "synthesize: \(synthesize.ending)\n\(synthesize.stderr)")
    // A note below the marker of every technique page: the pages that change must keep it byte for byte.
    var generator = SystemRandomNumberGenerator()
    for (path, data) in Self.pages(in: original) where path.hasPrefix("techniques/") {
      let note =
        "\nAnalyst note on \(path): \(UInt64.random(in: 0...UInt64.max, using: &generator)) — ünïcödé\r\n  kept\n"
      try (data + Data(note.utf8)).write(to: original.appendingPathComponent(path))
    }
    let old = Self.pages(in: original)

    // The uninterrupted run gives the new content.
    let reference = root.appendingPathComponent("reference")
    try FileManager.default.copyItem(at: original, to: reference)
    let migrate = ["build", "--write", "--template", "2022"]
    let full = try DisarmProcess.run(migrate + [reference.path], timeout: 300)
    try #require(full.status == 0, "reference run: \(full.ending)\n\(full.stderrSummary)")
    let new = Self.pages(in: reference)
    let changed = Set(new.filter { old[$0.key] != $0.value }.keys)
    try #require(changed.count > 300, "the migration changes \(changed.count) pages")
    #expect(Set(new.keys) == Set(old.keys))
    for path in changed { #expect(Self.notes(new[path]!) == Self.notes(old[path]!), "\(path): notes changed") }
    // How long writing the pages takes, from their modification times in a second (warm) run.
    let warm = root.appendingPathComponent("warm")
    try FileManager.default.copyItem(at: original, to: warm)
    let warmStart = Date()
    let warmRun = try DisarmProcess.run(migrate + [warm.path], timeout: 300)
    try #require(warmRun.status == 0)
    var duration = warmRun.seconds
    let (firstWrite, lastWrite) = Self.writeWindow(of: changed, in: warm, since: warmStart) ?? (0, duration)
    let writePhase = max(0.002, lastWrite - firstWrite)

    var partial = 0
    var untouched = 0
    var complete = 0
    var exitedBeforeKill = 0
    var leftoverFiles = 0
    for iteration in 0..<Self.iterations {
      let work = root.appendingPathComponent("run-\(iteration)")
      try FileManager.default.copyItem(at: original, to: work)
      // A quarter of the kills in the first 50 ms, a quarter anywhere in the run, half within 0-50 ms (at most the
      // length of the write phase) of the first page write, so that most of these land while pages are written.
      let trigger: Trigger =
        switch iteration % 4 {
        case 0: .after(Double.random(in: 0...0.05))
        case 1: .after(Double.random(in: 0...duration))
        default: .afterChangeOf(work.appendingPathComponent("techniques"), Double.random(in: 0...min(0.05, writePhase)))
        }
      let start = Date()
      let (killed, _) = try Self.runAndKill(migrate + [work.path], trigger)
      if !killed {
        exitedBeforeKill += 1
        duration = Date().timeIntervalSince(start)
      }

      let after = Self.pages(in: work)
      #expect(Set(after.keys) == Set(old.keys), "iteration \(iteration) (\(trigger)): pages appeared or vanished")
      var updated = 0
      for (path, data) in after {
        let isOld = data == old[path]
        let isNew = data == new[path]
        #expect(isOld || isNew, "iteration \(iteration) (\(trigger)): \(path) is neither old nor new")
        if isNew && !isOld { updated += 1 }
        if let expected = old[path].flatMap(Self.notes) {
          #expect(Self.notes(data) == expected, "iteration \(iteration): \(path): notes damaged")
        }
      }
      if updated == 0 { untouched += 1 } else if updated == changed.count { complete += 1 } else { partial += 1 }
      leftoverFiles += Self.leftovers(in: work).count

      // Recovery: running the migration again after a kill gives exactly the uninterrupted result.
      if iteration % 8 == 7 {
        let rerun = try DisarmProcess.run(migrate + [work.path], timeout: 300)
        #expect(rerun.status == 0, "rerun after kill: \(rerun.ending)\n\(rerun.stderrSummary)")
        #expect(Self.pages(in: work) == new, "iteration \(iteration): rerun after a kill differs from the reference")
        #expect(Self.leftovers(in: work).isEmpty, "iteration \(iteration): the rerun left temporary files behind")
      }
      try? FileManager.default.removeItem(at: work)
    }
    print(
      "KillTests: \(Self.iterations) kills; an uninterrupted run takes \(String(format: "%.2f", full.seconds)) s and"
        + " writes \(changed.count) pages from \(String(format: "%.2f", firstWrite)) s to \(String(format: "%.2f", lastWrite)) s:"
        + " \(untouched) before any write, \(partial) mid-write, \(complete) after all writes"
        + " (\(exitedBeforeKill) exited first); \(leftoverFiles) temporary files left behind")
  }
}
