import DisarmTestSupport
import Foundation
import Testing

/// The pictures of `disarm stats` on the 2025-02-10 corpus: the SVG and the site's statistics page in headless
/// Chromium (`scripts/check-heatmap.py`: every technique a cell, the colour scale monotone, phases in order, cells
/// linking to technique pages, no console error), and the Navigator layer loaded by mitreattack-python's layer tools.
@Suite(.enabled(if: Corpus.available, Corpus.skipMessage)) struct StatsPicturesCommandTests {
  static let kb = Corpus.release("disarm-2025-02-10").path
  static let checker = DisarmProcess.repository.appendingPathComponent("scripts/check-heatmap.py").path

  @Test(.enabled(if: SiteCommandTests.toolsAvailable, SiteCommandTests.toolsSkip))
  func svgAndStatisticsPageRenderInChromium() throws {
    let folder = TemporaryFolder.make("disarm-heatmap")
    defer { try? FileManager.default.removeItem(at: folder) }
    let svg = folder.appendingPathComponent("matrix.svg")
    let stats = try DisarmProcess.run(["stats", "--kb", Self.kb, "--svg", svg.path])
    #expect(stats.status == 0, "\(stats.stderr)")
    let shot = folder.appendingPathComponent("matrix.png")
    let rendered = try ExternalTool.run([
      "python3", Self.checker, "svg", svg.path, "--kb", Self.kb, "--disarm", DisarmProcess.binary.path,
      "--screenshot", shot.path,
    ])
    #expect(rendered.status == 0, "\(rendered.output)")
    #expect(rendered.output.contains("missing 0, extra 0, duplicated 0") && rendered.output.contains("monotone"))
    #expect(rendered.output.contains("phases: P01 P02 P03 P04\n"))
    let size = (try? FileManager.default.attributesOfItem(atPath: shot.path)[.size]) as? Int
    #expect((size ?? 0) > 10_000)
    let site = folder.appendingPathComponent("site")
    #expect(try DisarmProcess.run(["site", Self.kb, "-o", site.path]).status == 0)
    let page = try ExternalTool.run([
      "python3", Self.checker, "page", site.path, "--kb", Self.kb, "--disarm", DisarmProcess.binary.path,
    ])
    #expect(page.status == 0, "\(page.output)")
    #expect(page.output.contains("console errors: 0") && page.output.contains("clicked T0143.003: Named by 14 of 129"))
  }

  /// All incidents, and Russia's (whose incidents name no technique: a layer with no scores still loads).
  @Test(
    .enabled(if: ExportSTIXCommandTests.pythonToolsAvailable, ExportSTIXCommandTests.pythonSkip),
    arguments: [[], ["--where", "country=Russia"]])
  func navigatorLayerLoadsWithTheLayerTools(filter: [String]) throws {
    let folder = TemporaryFolder.make("disarm-layer")
    defer { try? FileManager.default.removeItem(at: folder) }
    let layer = folder.appendingPathComponent("layer.json")
    let stats = try DisarmProcess.run(
      [
        "stats", "--kb", Self.kb, "--navigator", layer.path, "--format", "json",
      ] + filter)
    #expect(stats.status == 0, "\(stats.stderr)")
    let used =
      (try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])?["techniques"]
      as? [[String: Any]] ?? []
    let expected = used.count { ($0["incidents"] as? Int ?? 0) > 0 }
    let loaded = try ExternalTool.run(["python3", ExportSTIXCommandTests.checker, "layer", layer.path])
    #expect(loaded.status == 0 && loaded.output.contains("loaded, \(expected) techniques"), "\(loaded.output)")
  }
}
