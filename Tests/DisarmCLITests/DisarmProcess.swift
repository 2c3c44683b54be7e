import DisarmTestSupport
import Foundation

/// Runs the built `disarm` binary and captures what it prints.
struct DisarmProcess {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static let repository = TestSupport.repositoryRoot

  /// The binary: `DISARM_BINARY` if set, else `disarm` next to the test bundle.
  static var binary: URL {
    if let path = ProcessInfo.processInfo.environment["DISARM_BINARY"] { return URL(fileURLWithPath: path) }
    var directory = Bundle.main.bundleURL
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("disarm")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    return repository.appendingPathComponent(".build/debug/disarm")
  }

  static func run(
    _ arguments: [String], in directory: URL = repository, environment: [String: String] = [:],
    wrappedBy wrapper: [String] = []
  ) throws -> Result {
    let process = Process()
    // A wrapper (`scripts/peak-memory.py`) runs the binary itself, through env so that its interpreter is found.
    process.executableURL = wrapper.isEmpty ? binary : URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = wrapper.isEmpty ? arguments : wrapper + [binary.path] + arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env.merge(environment) { $1 }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting so that a full pipe cannot block the child.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
