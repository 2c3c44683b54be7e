import DisarmDiagnostics

/// An aligned table for the terminal: a header, rows, columns padded to their widest cell (numbers to the right),
/// and an optional bar after the last column. Text from pages is made inert (``TerminalText/inert(_:)``).
public struct TextTable: Sendable {
  public enum Alignment: Sendable { case left, right }

  public var header: [String]
  public var alignments: [Alignment]
  public var rows: [[String]] = []
  /// A bar per row, printed after the cells (in `style`'s colour).
  public var bars: [String] = []

  public init(header: [String], alignments: [Alignment]) {
    self.header = header
    self.alignments = alignments
  }

  public mutating func add(_ row: [String], bar: String = "") {
    rows.append(row.map { TerminalText.inert($0) })
    bars.append(bar)
  }

  /// The lines, without a final newline.
  public func render(style: ANSIStyle) -> [String] {
    var widths = header.map(\.count)
    for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        let padding = String(repeating: " ", count: widths[index] - cell.count)
        return alignments[index] == .right ? padding + cell : cell + padding
      }.joined(separator: "  ")
    }
    var lines = [style.bold(line(header).trailingSpacesRemoved)]
    for (row, bar) in zip(rows, bars) {
      let text = line(row)
      lines.append(bar.isEmpty ? text.trailingSpacesRemoved : text + "  " + style.cyan(bar))
    }
    return lines
  }

  /// Shortens `text` to `width` characters with an ellipsis.
  public static func clipped(_ text: String, _ width: Int) -> String {
    text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
  }
}

extension String {
  fileprivate var trailingSpacesRemoved: String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
