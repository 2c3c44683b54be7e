/// A horizontal bar chart as SVG for the site's statistics page (per tactic, per year): one row per label with its
/// bar and its value, each label optionally a link. Presentation attributes only (the site's Content-Security-Policy
/// allows no inline style), bars in the heat map's darkest colour.
public enum BarChartSVG {
  /// One bar.
  public struct Row: Sendable {
    public var label: String
    public var value: Int
    public var link: String?

    public init(label: String, value: Int, link: String? = nil) {
      self.label = label
      self.value = value
      self.link = link
    }
  }

  static let labelWidth = 320
  static let barWidth = 420
  static let rowHeight = 22

  /// The chart, titled `title` (its accessible name).
  public static func render(_ rows: [Row], title: String, id: String) -> String {
    let maximum = rows.map(\.value).max() ?? 0
    let height = rows.count * rowHeight + 8
    let width = labelWidth + barWidth + 60
    let colour = HeatScale.hex(HeatScale.high)
    var svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
    svg += "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"\(id)\">"
    svg += "<title id=\"\(id)\">\(MatrixSVG.escape(title))</title>\n"
    for (index, row) in rows.enumerated() {
      let y = index * rowHeight + 4
      var label = "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" font-size=\"13\" text-anchor=\"end\">"
      label += "\(MatrixSVG.escape(MatrixSVG.clip(row.label, 44)))</text>"
      if let link = row.link { label = "<a href=\"\(MatrixSVG.escape(link))\">\(label)</a>" }
      let length = maximum == 0 ? 0 : Int((Double(row.value) / Double(maximum) * Double(barWidth)).rounded())
      svg += "<g class=\"bar\" data-value=\"\(row.value)\">\(label)"
      svg +=
        "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 6)\" fill=\"\(colour)\"/>"
      svg += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 15)\" font-size=\"13\">\(row.value)</text></g>\n"
    }
    svg += "</svg>\n"
    return svg
  }
}
