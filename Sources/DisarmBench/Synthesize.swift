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
        // A fresh folder this command made and owns, not a user's knowledge base: written as an output is (atomic
        // files, no flush), not through the editing executor that guards users' pages.
        var pages: [String: [UInt8]] = [:]
        for page in SyntheticKnowledgeBase(scale: scale, seed: seed).pages() {
          pages[page.path] = Array(page.text.utf8)
          try AtomicFile.write(pages[page.path]!, to: try SafePath.resolve(page.path, in: folder), durable: false)
        }
        // Regenerate until stable: derived tables, indexes and matrices filled from the owning pages.
        for _ in 0..<3 {
          let kb = try KnowledgeBaseLoader.load(from: folder.path, overlay: pages)
          let changed = PageRenderer.render(kb).pages.filter { pages[$0.path] != $0.bytes }
          if changed.isEmpty { break }
          for page in changed {
            pages[page.path] = page.bytes
            try AtomicFile.write(page.bytes, to: try SafePath.resolve(page.path, in: folder), durable: false)
          }
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
