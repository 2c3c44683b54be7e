import DisarmDiagnostics
import DisarmExports
import DisarmModel

/// `disarm stats --navigator`: an ATT&CK Navigator layer (format 4.5, ``NavigatorLayer/frame``) scored by the counts
/// of the selected incidents, with the heat map's colours (``HeatScale``: none, fewest, most) as its gradient and a legend of the same
/// steps as the SVG's. Techniques no counted incident uses are left unscored.
public enum StatisticsLayer {
  public static func bytes(_ matrix: HeatMapMatrix, in kb: KnowledgeBase) -> [UInt8] {
    JSONWriter.write(document(matrix, in: kb))
  }

  public static func document(_ matrix: HeatMapMatrix, in kb: KnowledgeBase) -> JSONValue {
    let shortNames = TacticShortName.all(in: kb)
    let incident = kb.words(.incident)
    var entries: [JSONValue] = []
    for column in matrix.bands.flatMap(\.columns) {
      for cell in column.cells where cell.count > 0 {
        var entry: [String: JSONValue] = [
          "techniqueID": .string(cell.id.string), "enabled": .bool(true), "score": .int(cell.count),
          "comment": .string(
            "Used in \(cell.count) of \(matrix.incidentCount) \(incident.plural) (\(matrix.caption))"),
        ]
        if let shortName = shortNames[column.tactic] { entry["tactic"] = .string(shortName) }
        entries.append(.object(entry))
      }
    }
    let legend: [JSONValue] = HeatScale.legendCounts(maximum: matrix.maximum).map { count in
      .object([
        "label": .string("\(count) \(count == 1 ? incident.singular : incident.plural)"),
        "color": .string(HeatScale.hex(count, maximum: matrix.maximum)),
      ])
    }
    let versions: [String: JSONValue] = [
      "layer": .string(NavigatorLayer.layerVersion), "navigator": .string(NavigatorLayer.navigatorVersion),
    ]
    let frame = NavigatorLayer.frame(
      name: "\(kb.framework.brand): \(kb.words(.technique).plural) by number of \(incident.plural)",
      description: "Score: the number of \(incident.plural) (of \(matrix.caption)) whose "
        + "\(kb.words(.technique).title) table names the \(kb.words(.technique).singular).",
      versions: versions, domain: NavigatorLayer.defaultDomain, techniques: entries, maxScore: max(1, matrix.maximum),
      legend: legend)
    guard case .object(var members) = frame else { return frame }
    // From none (white) through the fewest to the most: the Navigator spaces the colours evenly between minValue and
    // maxValue, close to the SVG's scale. The layer tools need at least one step per colour, so a largest count of
    // 0 or 1 gets white and the darkest colour only.
    let colours =
      matrix.maximum >= 2 ? [HeatScale.none, HeatScale.low, HeatScale.high] : [HeatScale.none, HeatScale.high]
    members["gradient"] = .object([
      "colors": .array(colours.map { .string(HeatScale.hex($0)) }),
      "minValue": .int(0), "maxValue": .int(max(1, matrix.maximum)),
    ])
    return .object(members)
  }
}
