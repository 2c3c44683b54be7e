import ArgumentParser
import DisarmDiagnostics
import DisarmModel
import DisarmParser
import Foundation

extension BenchCommand {
  /// `disarm floor DIR` (hidden): the benchmark floor, reading and cmark-parsing every page, nothing else.
  struct Floor: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Read and cmark-parse every page of a knowledge base and nothing else (the benchmark floor).",
      shouldDisplay: false)

    @Argument var directory: String = "data"

    @Flag(help: "Use one core only.")
    var serial = false

    func run() throws {
      let folder = try BenchCommand.resolve(directory)
      var paths: [String] = []
      let enumerator = FileManager.default.enumerator(atPath: folder.path)
      while let relative = enumerator?.nextObject() as? String {
        if relative.hasSuffix(".md") { paths.append(folder.appendingPathComponent(relative).path) }
      }
      let start = DispatchTime.now()
      let bytes = ParsingFloor.run(paths: paths, parallel: !serial)
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
      BenchCommand.status(String(format: "floor: %d files, %d bytes, %.1f ms", paths.count, bytes, seconds * 1000))
    }
  }
}
