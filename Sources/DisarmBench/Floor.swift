import ArgumentParser
import DisarmDiagnostics
import DisarmModel
import DisarmParser
import Foundation

extension BenchCommand {
  /// `disarm-bench floor DIR [--write-into OUT]`: the benchmark floors. Reading and cmark-parsing every page and
  /// nothing else is what `show` and `lint` are measured against; with `--write-into`, the same plus writing the
  /// same bytes into as many files in a fresh folder is what `build --output` is measured against.
  struct Floor: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "floor",
      abstract: "Read and cmark-parse every page of a knowledge base and nothing else (the benchmark floor).",
      shouldDisplay: false)

    @Argument var directory: String = "data"

    @Flag(help: "Use one core only.")
    var serial = false

    @Option(help: "Also write every page's bytes into this new folder (the write floor).")
    var writeInto: String?

    func run() throws {
      let folder = try BenchCommand.resolve(directory)
      var paths: [String] = []
      let enumerator = FileManager.default.enumerator(atPath: folder.path)
      while let relative = enumerator?.nextObject() as? String {
        if relative.hasSuffix(".md") { paths.append(folder.appendingPathComponent(relative).path) }
      }
      let start = DispatchTime.now()
      var copies: [String]?
      if let writeInto {
        let base = URL(fileURLWithPath: writeInto)
        let targets = paths.map { base.appendingPathComponent(String($0.dropFirst(folder.path.count + 1))).path }
        for target in Set(targets.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }).sorted() {
          try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        }
        copies = targets
      }
      let bytes = ParsingFloor.run(paths: paths, parallel: !serial, copies: copies)
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
      BenchCommand.status(String(format: "floor: %d files, %d bytes, %.1f ms", paths.count, bytes, seconds * 1000))
    }
  }
}
