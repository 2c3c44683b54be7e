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
/// the migration, kills it after a random delay spread over the length of an uninterrupted run (so that kills land
/// while listing, parsing and, mostly, writing), and checks that every page is byte for byte its old or its new
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

  /// Starts `disarm` with `arguments`; returns after it exits or `delay` seconds, whichever is first (then kills it).
  static func runAndKill(_ arguments: [String], after delay: Double) throws -> (killed: Bool, status: Int32) {
    let process = Process()
    process.executableURL = DisarmProcess.binary
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    var killed = false
    if finished.wait(timeout: .now() + delay) == .timedOut {
      kill(process.processIdentifier, SIGKILL)
      killed = true
      finished.wait()
    }
    return (killed, process.terminationStatus)
  }

  @Test func killedWriteLeavesEveryPageOldOrNew() throws {
    let root = DisarmProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let original = root.appendingPathComponent("original")
    let synthesize = try DisarmProcess.run(
      ["synthesize", "--scale", "1", "--seed", "7", "--output", original.path], timeout: 120)
    try #require(synthesize.status == 0, "synthesize: \(synthesize.ending)\n\(synthesize.stderr)")
    // A note below the marker of every technique page: the pages that change must keep it byte for byte.
    var generator = SystemRandomNumberGenerator()
    for (path, data) in Self.pages(in: original) where path.hasPrefix("techniques/") {
      let note = "\nAnalyst note on \(path): \(UInt64.random(in: 0...UInt64.max, using: &generator)) — ünïcödé\r\n  kept\n"
      try (data + Data(note.utf8)).write(to: original.appendingPathComponent(path))
    }
    let old = Self.pages(in: original)

    // The uninterrupted run gives the new content and the time span over which to spread the kills.
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
    let span = max(full.seconds, 0.05)

    var partial = 0
    var untouched = 0
    var complete = 0
    var exitedBeforeKill = 0
    var leftoverFiles = 0
    for iteration in 0..<Self.iterations {
      let work = root.appendingPathComponent("run-\(iteration)")
      try FileManager.default.copyItem(at: original, to: work)
      // A quarter of the kills in the first 50 ms, the rest spread over the whole run.
      let delay = iteration % 4 == 0 ? Double.random(in: 0...0.05) : Double.random(in: 0...span)
      let (killed, _) = try Self.runAndKill(migrate + [work.path], after: delay)
      if !killed { exitedBeforeKill += 1 }

      let after = Self.pages(in: work)
      #expect(Set(after.keys) == Set(old.keys), "iteration \(iteration) (kill after \(delay) s): pages appeared or vanished")
      var updated = 0
      for (path, data) in after {
        let isOld = data == old[path]
        let isNew = data == new[path]
        #expect(isOld || isNew, "iteration \(iteration) (kill after \(delay) s): \(path) is neither old nor new")
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
      }
      try? FileManager.default.removeItem(at: work)
    }
    print(
      "KillTests: \(Self.iterations) kills over \(String(format: "%.2f", span)) s runs of \(changed.count) page writes:"
        + " \(untouched) before any write, \(partial) mid-write, \(complete) after all writes"
        + " (\(exitedBeforeKill) exited first); \(leftoverFiles) temporary files left behind")
  }
}
