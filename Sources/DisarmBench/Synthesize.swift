import ArgumentParser
import DisarmDiagnostics
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmSupport
import Foundation

extension BenchCommand {
  /// `disarm synthesize` (hidden): writes a synthetic knowledge base for benchmarks.
  struct Synthesize: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "synthesize",
      abstract: "Write a synthetic, lint-clean knowledge base SCALE times the size of the 2025-02-10 release.",
      shouldDisplay: false)

    @Option(help: "Size as a multiple of the 2025-02-10 release.")
    var scale = 1

    @Option(help: "Random seed; the same seed gives the same pages.")
    var seed: UInt64 = 2025

    @Option(name: .shortAndLong, help: "A new or empty folder to write the page tree to.")
    var output: String

    func run() throws {
      let folder = URL(fileURLWithPath: output)
      if let existing = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
        BenchCommand.error("\(output) is not empty; give a new folder")
        throw ExitCode(2)
      }
      do {
        for page in SyntheticKnowledgeBase(scale: scale, seed: seed).pages() {
          try AtomicFile.write(Array(page.text.utf8), to: try SafePath.resolve(page.path, in: folder))
        }
        // Regenerate until stable: derived tables, indexes and matrices filled from the owning pages.
        for _ in 0..<3 {
          let kb = try KnowledgeBaseLoader.load(from: folder.path)
          let changes = try PageSync.changes(PageRenderer.render(kb).pages, in: folder)
          if changes.isEmpty { break }
          try PageSync.apply(changes, in: folder)
        }
      } catch let error as LoadError {
        BenchCommand.error(error.description)
        throw ExitCode(2)
      } catch let error as WriteError {
        BenchCommand.error(error.description)
        throw ExitCode(2)
      }
      BenchCommand.status("disarm: wrote a synthetic knowledge base (scale \(scale), seed \(seed)) to \(output)")
    }
  }
}
