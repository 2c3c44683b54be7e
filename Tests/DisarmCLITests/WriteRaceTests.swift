import DisarmTestSupport
import Foundation
import Testing

/// No lost update: a page edited while a writing run is paused between planning and writing
/// (`DISARM_TEST_PAUSE_BEFORE_WRITE`) is never overwritten, and two writers never interleave. Deterministic: the
/// test edits the page exactly between the writer's read and its write, instead of racing it with sleeps.
@Suite(.serialized) struct WriteRaceTests {
  /// A copy of `data/` in which `tactics/TA07.md` is out of date (a row of its derived Techniques table removed),
  /// so that `build --write` and `lint --fix` rewrite exactly that page.
  static func knowledgeBase() throws -> (root: URL, kb: URL, page: URL) {
    let root = TemporaryFolder.url("disarm-race")
    let kb = root.appendingPathComponent("kb")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: DisarmProcess.repository.appendingPathComponent("data"), to: kb)
    let page = kb.appendingPathComponent("tactics/TA07.md")
    let text = try String(contentsOf: page, encoding: .utf8)
    let row = "| [T0151.004 Chat Platform](../../generated_pages/techniques/T0151.004.md) |\n"
    try #require(text.contains(row))
    try text.replacingOccurrences(of: row, with: "").write(to: page, atomically: true, encoding: .utf8)
    return (root, kb, page)
  }

  /// A writer started with the pause hook: the caller waits for ``ready()``, edits, then calls ``finish()``.
  final class PausedWriter {
    let process = Process()
    let hook: URL
    let out = Pipe()
    let err = Pipe()

    init(_ arguments: [String], in directory: URL, hook: URL) throws {
      self.hook = hook
      try FileManager.default.createDirectory(at: hook, withIntermediateDirectories: true)
      process.executableURL = DisarmProcess.binary
      process.arguments = arguments
      process.currentDirectoryURL = directory
      var environment = ProcessInfo.processInfo.environment
      environment["DISARM_TEST_PAUSE_BEFORE_WRITE"] = hook.path
      environment["NO_COLOR"] = "1"
      process.environment = environment
      process.standardOutput = out
      process.standardError = err
      try process.run()
    }

    /// Waits until the writer has planned its changes (at most 60 s).
    func ready() throws {
      let deadline = Date().addingTimeInterval(60)
      while !FileManager.default.fileExists(atPath: hook.appendingPathComponent("ready").path) {
        try #require(Date() < deadline && process.isRunning, "the writer never reached its pause")
        usleep(5_000)
      }
    }

    /// Lets the writer go on and waits for it: exit status, stdout, stderr.
    func finish() -> (status: Int32, stdout: String, stderr: String) {
      FileManager.default.createFile(atPath: hook.appendingPathComponent("go").path, contents: Data())
      let stdout = out.fileHandleForReading.readDataToEndOfFile()
      let stderr = err.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return (
        process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self)
      )
    }
  }

  static let conflict =
    "kb/tactics/TA07.md: error: page changed on disk while disarm was running; not rewritten; run again "
    + "[page-changed-on-disk]"

  /// Each way a page can change under a writer; each leaves the page exactly as the edit made it.
  enum Edit: String, CaseIterable {
    case noteAppended, truncated, sameSizeReplacement, deleted, madeASymlink

    func apply(to page: URL) throws {
      let bytes = try Data(contentsOf: page)
      switch self {
      case .noteAppended: try (bytes + Data("\nA note written while disarm ran.\n".utf8)).write(to: page)
      case .truncated: try bytes.prefix(20).write(to: page)
      case .sameSizeReplacement:
        // One letter changed, same size, within the same second as the read.
        var changed = bytes
        let index = changed.firstIndex(of: UInt8(ascii: "S"))!
        changed[index] = UInt8(ascii: "Z")
        try changed.write(to: page)
      case .deleted: try FileManager.default.removeItem(at: page)
      case .madeASymlink:
        let elsewhere = page.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("x.md")
        try bytes.write(to: elsewhere)
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createSymbolicLink(at: page, withDestinationURL: elsewhere)
      }
    }
  }

  /// What the page is after the edit, to compare with what the writer left: bytes, or nil when absent; a symlink
  /// is checked to still be a symlink.
  static func state(_ page: URL) -> (bytes: Data?, isSymlink: Bool) {
    let attributes = try? FileManager.default.attributesOfItem(atPath: page.path)
    let isSymlink = (attributes?[.type] as? FileAttributeType) == .typeSymbolicLink
    return (try? Data(contentsOf: page), isSymlink)
  }

  @Test(arguments: Edit.allCases, ["build", "lint"])
  func aPageEditedWhileWritingIsLeftAsEdited(edit: Edit, command: String) throws {
    let (root, _, page) = try Self.knowledgeBase()
    defer { try? FileManager.default.removeItem(at: root) }
    let arguments = command == "build" ? ["build", "kb", "--write"] : ["lint", "kb", "--fix", "--color", "never"]
    let writer = try PausedWriter(arguments, in: root, hook: root.appendingPathComponent("hook"))
    try writer.ready()
    try edit.apply(to: page)
    let edited = Self.state(page)
    let result = writer.finish()
    #expect(result.status == 1, "\(result.stderr)")
    let output = command == "build" ? result.stderr : result.stdout
    #expect(output.contains(Self.conflict), "\(output)")
    #expect(!result.stdout.contains("updated: tactics/TA07.md"))
    let after = Self.state(page)
    #expect(after.bytes == edited.bytes && after.isSymlink == edited.isSymlink, "the edit was overwritten")
  }

  /// After the conflict, running again uses the new content: the page is regenerated and the note kept.
  @Test func runningAgainRegeneratesAndKeepsTheNote() throws {
    let (root, _, page) = try Self.knowledgeBase()
    defer { try? FileManager.default.removeItem(at: root) }
    let writer = try PausedWriter(["build", "kb", "--write"], in: root, hook: root.appendingPathComponent("hook"))
    try writer.ready()
    try Edit.noteAppended.apply(to: page)
    #expect(writer.finish().status == 1)
    let again = try DisarmProcess.run(["build", "kb", "--write"], in: root)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.contains("updated: tactics/TA07.md"))
    let text = try String(contentsOf: page, encoding: .utf8)
    #expect(text.contains("[T0151.004 Chat Platform]"))
    #expect(text.hasSuffix("\nA note written while disarm ran.\n"))
  }

  @Test func aSecondWriterWaitsThenExitsTwoNamingTheFirst() throws {
    let (root, _, page) = try Self.knowledgeBase()
    defer { try? FileManager.default.removeItem(at: root) }
    let first = try PausedWriter(["build", "kb", "--write"], in: root, hook: root.appendingPathComponent("hook"))
    try first.ready()
    let second = try DisarmProcess.run(["lint", "kb", "--fix"], in: root)
    #expect(second.status == 2)
    #expect(
      second.stderr.contains(
        "another disarm process (pid \(first.process.processIdentifier)) is writing this knowledge base"),
      "\(second.stderr)")
    let result = first.finish()
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try String(contentsOf: page, encoding: .utf8).contains("[T0151.004 Chat Platform]"))
    #expect(try DisarmProcess.run(["build", "kb", "--check"], in: root).status == 0)
  }

  @Test func aReaderRunsWhileAWriterHoldsTheLock() throws {
    let (root, _, _) = try Self.knowledgeBase()
    defer { try? FileManager.default.removeItem(at: root) }
    let writer = try PausedWriter(["build", "kb", "--write"], in: root, hook: root.appendingPathComponent("hook"))
    try writer.ready()
    let reader = try DisarmProcess.run(["build", "kb", "--check"], in: root)
    #expect(reader.status == 1, "the page is still out of date: \(reader.stderr)")
    #expect(reader.stdout.contains("would update: tactics/TA07.md"))
    #expect(writer.finish().status == 0)
  }

  @Test func aWriterKilledWhileHoldingTheLockDoesNotBlockTheNext() throws {
    let (root, _, page) = try Self.knowledgeBase()
    defer { try? FileManager.default.removeItem(at: root) }
    let writer = try PausedWriter(["build", "kb", "--write"], in: root, hook: root.appendingPathComponent("hook"))
    try writer.ready()
    kill(writer.process.processIdentifier, SIGKILL)
    writer.process.waitUntilExit()
    let next = try DisarmProcess.run(["build", "kb", "--write"], in: root)
    #expect(next.status == 0, "\(next.stderr)")
    #expect(try String(contentsOf: page, encoding: .utf8).contains("[T0151.004 Chat Platform]"))
  }
}
