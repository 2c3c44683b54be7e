import DisarmModel
import DisarmStatistics
import DisarmTestSupport
import Foundation
import Testing

/// The heat-map matrix, its SVG and its colour scale, on the hand-built knowledge base and on the 2025-02-10 corpus.
@Suite struct HeatMapTests {
  /// The cells of an SVG: technique, count and fill, from the `data-` attributes and the cell's rectangle.
  static func cells(of svg: String) -> [(id: String, count: Int, fill: String)] {
    let pattern =
      #"<g class="cell" data-technique="([^"]+)" data-count="([0-9]+)"><title>[^<]*</title><rect [^>]*fill="(#[0-9a-f]{6})""#
    let regex = try! NSRegularExpression(pattern: pattern)
    return regex.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { match in
      let group = { (index: Int) in String(svg[Range(match.range(at: index), in: svg)!]) }
      return (group(1), Int(group(2))!, group(3))
    }
  }

  static func luminance(_ hex: String) -> Double {
    let value = Int(hex.dropFirst(), radix: 16)!
    return HeatScale.luminance((value >> 16, (value >> 8) & 0xFF, value & 0xFF))
  }

  /// Every live technique with a live tactic is a cell once, under its tactic; the colours get darker with the count.
  static func check(_ kb: KnowledgeBase) throws {
    let matrix = HeatMapMatrix(IncidentRecord.all(in: kb), in: kb)
    let expected = Set(
      kb.objects(of: .technique).filter { technique in
        !technique.isStale && kb.tactic(of: technique.id).flatMap { kb[$0] }.map { !$0.isStale } == true
      }.map(\.id.string))
    let svg = MatrixSVG.render(matrix, in: kb)
    let cells = Self.cells(of: svg)
    #expect(!cells.isEmpty)
    #expect(cells.count == expected.count && Set(cells.map(\.id)) == expected)
    let counts = TechniqueFrequency.counts(IncidentRecord.all(in: kb))
    for cell in cells { #expect(cell.count == counts[kb.id(cell.id)!] ?? 0, "\(cell.id)") }
    for column in matrix.bands.flatMap(\.columns) {
      for cell in column.cells { #expect(kb.tactic(of: cell.id) == column.tactic) }
    }
    var colourOf: [Int: String] = [:]
    for cell in cells {
      #expect(colourOf[cell.count, default: cell.fill] == cell.fill, "one colour per count")
      colourOf[cell.count] = cell.fill
    }
    let steps = colourOf.keys.sorted().map { Self.luminance(colourOf[$0]!) }
    #expect(zip(steps, steps.dropFirst()).allSatisfy { $0 > $1 }, "darker for every larger count: \(steps)")
    #expect(svg.contains("class=\"legend\"") && svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n"))
    #expect(!svg.contains("style="), "presentation attributes only")
  }

  @Test func sampleMatrixHasEveryTechniqueAsACellAndPhasesInOrder() throws {
    let kb = try StatisticsKnowledgeBase.load()
    try Self.check(kb)
    let matrix = HeatMapMatrix(IncidentRecord.all(in: kb), in: kb)
    #expect(matrix.bands.map { $0.phase?.string ?? "" } == ["P01", "P02"])
    #expect(matrix.bands.map { $0.columns.map(\.tactic.string) } == [["TA01", "TA03"], ["TA02"]])
    #expect(matrix.maximum == 3)
  }

  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func corpusMatrixHasEveryTechniqueAsACell() throws {
    try Self.check(try KnowledgeBaseLoader.load(from: Corpus.pageFolder("disarm-2025-02-10").path))
  }

  @Test func scaleIsMonotoneForEveryMaximum() {
    for maximum in [1, 2, 7, 14, 50, 200] {
      let steps = (0...maximum).map { HeatScale.luminance(HeatScale.rgb($0, maximum: maximum)) }
      #expect(zip(steps, steps.dropFirst()).allSatisfy { $0 > $1 }, "maximum \(maximum)")
    }
    #expect(HeatScale.legendCounts(maximum: 14) == [0, 1, 4, 9, 14])
    #expect(HeatScale.legendCounts(maximum: 1) == [0, 1])
  }

  @Test func navigatorLayerScoresUsedTechniquesWithTheScaleAsGradient() throws {
    let kb = try StatisticsKnowledgeBase.load()
    let matrix = HeatMapMatrix(IncidentRecord.all(in: kb), in: kb)
    guard case .object(let layer) = StatisticsLayer.document(matrix, in: kb),
      case .array(let techniques)? = layer["techniques"], case .array(let legend)? = layer["legendItems"]
    else {
      Issue.record("not a layer")
      return
    }
    #expect(techniques.count == 5 && legend.count == 4)
    let colours = [HeatScale.hex(0, maximum: 3), HeatScale.hex(1, maximum: 3), HeatScale.hex(3, maximum: 3)]
    #expect(
      layer["gradient"]
        == .object(["colors": .array(colours.map { .string($0) }), "minValue": .int(0), "maxValue": .int(3)]))
  }
}
