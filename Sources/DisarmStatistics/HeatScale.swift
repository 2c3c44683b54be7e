import Foundation

/// The colour of a count in every heat map (`disarm stats --svg`, the site's statistics page, the Navigator layer):
/// white for none, then a straight line in RGB from a pale orange (one incident) to a dark red-brown (the most).
/// Each channel falls as the count grows, so the colour gets darker with every step: the scale is monotone, which
/// the tests check, and it reads in greyscale print as well as on screen.
public enum HeatScale {
  /// The colour of no incident.
  public static let none: (red: Int, green: Int, blue: Int) = (255, 255, 255)
  /// The colour of the fewest incidents above none.
  public static let low: (red: Int, green: Int, blue: Int) = (254, 230, 206)
  /// The colour of the most incidents.
  public static let high: (red: Int, green: Int, blue: Int) = (127, 39, 4)

  /// The colour of `count` when the largest count is `maximum`.
  public static func rgb(_ count: Int, maximum: Int) -> (red: Int, green: Int, blue: Int) {
    guard count > 0, maximum > 0 else { return none }
    let fraction = maximum == 1 ? 1.0 : Double(count - 1) / Double(maximum - 1)
    func mix(_ from: Int, _ to: Int) -> Int { Int((Double(from) + (Double(to - from) * fraction)).rounded()) }
    return (mix(low.red, high.red), mix(low.green, high.green), mix(low.blue, high.blue))
  }

  /// `#rrggbb`.
  public static func hex(_ count: Int, maximum: Int) -> String { hex(rgb(count, maximum: maximum)) }

  /// `#rrggbb` of a colour.
  public static func hex(_ colour: (red: Int, green: Int, blue: Int)) -> String {
    "#"
      + [colour.red, colour.green, colour.blue].map { channel in
        let digits = String(channel, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
      }.joined()
  }

  /// Relative luminance (WCAG), to choose black or white text and to check the scale.
  public static func luminance(_ colour: (red: Int, green: Int, blue: Int)) -> Double {
    func linear(_ channel: Int) -> Double {
      let value = Double(channel) / 255
      return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(colour.red) + 0.7152 * linear(colour.green) + 0.0722 * linear(colour.blue)
  }

  /// Black on light cells, white on dark ones (whichever contrasts more).
  public static func textColour(on colour: (red: Int, green: Int, blue: Int)) -> String {
    let light = luminance(colour)
    return (light + 0.05) / 0.05 >= 1.05 / (light + 0.05) ? "#000000" : "#ffffff"
  }

  /// The counts a legend shows: none, one, and up to three steps to the maximum, each once, in order.
  public static func legendCounts(maximum: Int) -> [Int] {
    guard maximum > 0 else { return [0] }
    var counts = [0, 1]
    for step in [maximum / 3, (2 * maximum) / 3, maximum] where step > counts.last! { counts.append(step) }
    return counts
  }
}
