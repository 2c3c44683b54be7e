import DisarmModel

/// The heat-map matrix as a standalone SVG: a title, a row of phases each spanning its tactics, a row of tactics, the
/// techniques under their tactic as cells coloured by ``HeatScale`` (each a group with the technique's identifier,
/// count and name as text and a `<title>` tooltip), and a legend. Text is text (searchable, selectable, sharp in print);
/// no script, no external font or style sheet, so it looks the same in a browser, an image viewer and on paper.
public enum MatrixSVG {
  static let columnWidth = 168
  static let cellHeight = 38
  static let gap = 4
  static let margin = 16
  static let titleHeight = 48
  static let phaseHeight = 26
  static let tacticHeight = 44
  static let legendHeight = 64

  /// The SVG's bytes (UTF-8, final newline).
  public static func bytes(_ matrix: HeatMapMatrix, in kb: KnowledgeBase) -> [UInt8] {
    Array(render(matrix, in: kb).utf8)
  }

  /// The SVG document; `standalone` false leaves out the XML declaration, for an SVG inside an HTML page, and `link`
  /// gives each technique's cell an address (the site's technique pages). Only presentation attributes are used, no
  /// style sheet or `style` attribute, so that the site's Content-Security-Policy (`style-src 'self'`) allows it.
  public static func render(
    _ matrix: HeatMapMatrix, in kb: KnowledgeBase, standalone: Bool = true, link: ((DisarmID) -> String?)? = nil
  ) -> String {
    let columns = matrix.bands.flatMap(\.columns)
    let rows = columns.map(\.cells.count).max() ?? 0
    let width = margin * 2 + max(1, columns.count) * (columnWidth + gap) - gap
    let gridTop = margin + titleHeight + phaseHeight + gap + tacticHeight + gap
    let legendTop = gridTop + rows * (cellHeight + gap) + margin
    let height = legendTop + legendHeight + margin
    let title = "\(kb.framework.brand): \(kb.words(.technique).plural) by number of \(kb.words(.incident).plural)"
    var svg = standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
    svg += """
      <svg class="heatmap" xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
      role="img" aria-labelledby="matrix-title" font-family="DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif">
      <title id="matrix-title">\(escape(title)): \(escape(matrix.caption))</title>
      <rect width="100%" height="100%" fill="#ffffff"/>
      <text x="\(margin)" y="\(margin + 22)" font-size="20" font-weight="bold">\(escape(title))</text>
      <text x="\(margin)" y="\(margin + 40)" font-size="12">\(escape(matrix.caption)); most: \(matrix.maximum)</text>

      """
    var x = margin
    let phaseTop = margin + titleHeight
    let tacticTop = phaseTop + phaseHeight + gap
    for band in matrix.bands {
      let spanWidth = band.columns.count * (columnWidth + gap) - gap
      let label = band.phase.map { "\($0) \(band.name)" } ?? "(no phase)"
      svg += "<g class=\"phase\" data-phase=\"\(escape(band.phase?.string ?? ""))\">"
      svg += "<rect x=\"\(x)\" y=\"\(phaseTop)\" width=\"\(spanWidth)\" height=\"\(phaseHeight)\" fill=\"#1f3b6f\"/>"
      svg += "<text x=\"\(x + 6)\" y=\"\(phaseTop + 18)\" font-size=\"13\" fill=\"#ffffff\" font-weight=\"bold\">"
      svg += "\(escape(clip(label, spanWidth / 7)))</text></g>\n"
      for column in band.columns {
        svg += "<g class=\"tactic\" data-tactic=\"\(column.tactic)\">"
        svg +=
          "<rect x=\"\(x)\" y=\"\(tacticTop)\" width=\"\(columnWidth)\" height=\"\(tacticHeight)\" fill=\"#dde3ee\"/>"
        let lines = wrap("\(column.tactic) \(column.name)", width: 21, lines: 2)
        for (index, line) in lines.enumerated() {
          svg +=
            "<text x=\"\(x + 6)\" y=\"\(tacticTop + 17 + index * 15)\" font-size=\"12\" font-weight=\"bold\">\(escape(line))</text>"
        }
        svg += "</g>\n"
        for (row, cell) in column.cells.enumerated() {
          let drawn = self.cell(cell, x: x, y: gridTop + row * (cellHeight + gap), maximum: matrix.maximum, kb: kb)
          if let address = link?(cell.id) {
            svg += "<a href=\"\(escape(address))\">" + drawn.dropLast() + "</a>\n"
          } else {
            svg += drawn
          }
        }
        x += columnWidth + gap
      }
    }
    svg += legend(matrix, top: legendTop, kb: kb)
    svg += "</svg>\n"
    return svg
  }

  static func cell(_ cell: HeatMapMatrix.Cell, x: Int, y: Int, maximum: Int, kb: KnowledgeBase) -> String {
    let colour = HeatScale.rgb(cell.count, maximum: maximum)
    let ink = HeatScale.textColour(on: colour)
    let indent = cell.id.isSubtechnique ? 10 : 0
    let noun = cell.count == 1 ? kb.words(.incident).singular : kb.words(.incident).plural
    var text = "<g class=\"cell\" data-technique=\"\(cell.id)\" data-count=\"\(cell.count)\">"
    text += "<title>\(cell.id) \(escape(cell.name)): \(cell.count) \(noun)</title>"
    text += "<rect x=\"\(x + indent)\" y=\"\(y)\" width=\"\(columnWidth - indent)\" height=\"\(cellHeight)\" "
    text += "fill=\"\(HeatScale.hex(colour))\" stroke=\"#b0b0b0\" stroke-width=\"0.5\"/>"
    text += "<text x=\"\(x + indent + 5)\" y=\"\(y + 14)\" font-size=\"10.5\" fill=\"\(ink)\">"
    text += "<tspan font-weight=\"bold\">\(cell.id)</tspan> · \(cell.count)</text>"
    text += "<text x=\"\(x + indent + 5)\" y=\"\(y + 29)\" font-size=\"10\" fill=\"\(ink)\">"
    text += "\(escape(clip(cell.name, (columnWidth - indent - 10) / 6)))</text></g>\n"
    return text
  }

  static func legend(_ matrix: HeatMapMatrix, top: Int, kb: KnowledgeBase) -> String {
    var text = "<g class=\"legend\"><text x=\"\(margin)\" y=\"\(top + 14)\" font-size=\"12\" font-weight=\"bold\">"
    text += "\(escape(kb.words(.incident).pluralTitle)) using the \(escape(kb.words(.technique).singular))</text>\n"
    for (index, count) in HeatScale.legendCounts(maximum: matrix.maximum).enumerated() {
      let x = margin + index * 96
      text += "<g class=\"legend-step\" data-count=\"\(count)\"><rect x=\"\(x)\" y=\"\(top + 24)\" width=\"28\" "
      text += "height=\"20\" fill=\"\(HeatScale.hex(count, maximum: matrix.maximum))\" stroke=\"#808080\"/>"
      text += "<text x=\"\(x + 34)\" y=\"\(top + 39)\" font-size=\"12\">\(count)</text></g>\n"
    }
    text += "</g>\n"
    return text
  }

  /// `text` for XML text and attribute values.
  static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default:
        let scalars = character.unicodeScalars
        // Control characters are not allowed in XML 1.0.
        if scalars.count == 1, let scalar = scalars.first, scalar.value < 0x20 {
          result += " "
        } else {
          result.append(character)
        }
      }
    }
    return result
  }

  static func clip(_ text: String, _ width: Int) -> String {
    text.count <= width ? text : String(text.prefix(max(1, width - 1))) + "…"
  }

  /// Words into at most `lines` lines of `width` characters, the last clipped.
  static func wrap(_ text: String, width: Int, lines: Int) -> [String] {
    var result: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if current.isEmpty {
        current = String(word)
      } else if current.count + 1 + word.count <= width {
        current += " " + word
      } else {
        result.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty { result.append(current) }
    if result.count > lines {
      result = Array(result.prefix(lines - 1)) + [result[(lines - 1)...].joined(separator: " ")]
    }
    return result.map { clip($0, width) }
  }
}
