import ArgumentParser
import DisarmModel
import Foundation

/// `disarm-bench`: the benchmark's own tools, kept out of the shipped `disarm` and its libraries. `floor` reads and
/// cmark-parses every page (the floor every command is measured against); `synthesize` writes a synthetic
/// knowledge base N times the 2025 release's size.
@main
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "disarm-bench", abstract: "Benchmark tools for disarm (see docs/PERFORMANCE.md).",
    subcommands: [Floor.self, Synthesize.self])

  /// The page folder of `directory`, or exit 2 with the reason.
  static func resolve(_ directory: String) throws -> URL {
    do { return try PageFolder.resolve(directory) } catch {
      Self.error(error.description)
      throw ExitCode(2)
    }
  }

  static func status(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }

  static func error(_ message: String) { status("disarm-bench: error: \(message)") }
}
