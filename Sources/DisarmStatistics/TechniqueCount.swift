import DisarmDiagnostics
import DisarmModel

/// How many of the counted incidents use one technique.
public struct TechniqueCount: Sendable, Equatable {
  /// The technique.
  public var id: DisarmID
  /// Its name.
  public var name: String
  /// Its tactic, when it has a live one.
  public var tactic: DisarmID?
  /// The number of counted incidents whose technique table names it.
  public var incidents: Int
  /// `incidents` over the number of incidents counted (0 when none are).
  public var share: Double

  public init(id: DisarmID, name: String, tactic: DisarmID?, incidents: Int, share: Double) {
    self.id = id
    self.name = name
    self.tactic = tactic
    self.incidents = incidents
    self.share = share
  }

  /// The count as JSON.
  public var json: JSONValue {
    .object([
      "id": .string(id.string), "name": .string(name), "tactic": .optional(tactic?.string),
      "incidents": .int(incidents), "share": .number(StatisticsNumber.rounded(share)),
    ])
  }

  /// Most used first, then by identifier.
  public static func byFrequency(_ lhs: TechniqueCount, _ rhs: TechniqueCount) -> Bool {
    lhs.incidents != rhs.incidents ? lhs.incidents > rhs.incidents : lhs.id < rhs.id
  }
}

/// Ratios as printed: six decimals, so that JSON and CSV are the same on every machine.
public enum StatisticsNumber {
  public static func rounded(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }

  /// `value` with `places` decimals, without Foundation's locale.
  public static func fixed(_ value: Double, places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    let whole = scaled / Int(scale)
    guard places > 0 else { return String(whole) }
    let fraction = String(abs(scaled) % Int(scale))
    let sign = scaled < 0 && whole == 0 ? "-" : ""
    return "\(sign)\(whole).\(String(repeating: "0", count: places - fraction.count))\(fraction)"
  }
}
