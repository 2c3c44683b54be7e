/// The clickable framework matrix (`generated_files/disarm_red_framework_clickable.html`, `…_blue_…`): a standalone
/// HTML page with one table, one column per tactic in framework order; the header cells link to the tactic pages,
/// every other cell to its technique's (counter's) page. Every text taken from pages is HTML-escaped and every link
/// percent-encoded; links are relative to the output folder's `generated_files/` and point into its `pages/`.
public enum ClickableMatrixHTML {
  /// Where the pages lie, seen from `generated_files/` (`disarm build --output OUT` writes `OUT/pages/`).
  public static let pagesFolder = "../pages/"

  /// The HTML page of `grid`.
  public static func render(_ grid: FrameworkGrid) -> [UInt8] {
    let title = "DISARM \(grid.isRed ? "Red" : "Blue") framework"
    let colour = grid.isRed ? "#c00000" : "#0040c0"
    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <title>\(title)</title>
      <style>
      table { border-collapse: collapse; font-family: sans-serif; font-size: 0.8em; }
      th, td { border: 1px solid #999; padding: 4px; vertical-align: top; }
      th { background-color: \(colour); }
      th a { color: white; }
      </style>
      </head>
      <body>
      <h1>\(title)</h1>
      <table>
      <thead>
      <tr>

      """
    for tactic in grid.tactics { html += "<th>\(link(tactic))</th>\n" }
    html += "</tr>\n</thead>\n<tbody>\n"
    for row in 0..<grid.rowCount {
      html += "<tr>\n"
      for column in grid.columns.indices {
        html += "<td>" + (grid.item(row: row, column: column).map(link) ?? "") + "</td>\n"
      }
      html += "</tr>\n"
    }
    html += "</tbody>\n</table>\n</body>\n</html>\n"
    return Array(html.utf8)
  }

  /// `<a href="../pages/techniques/T0001.md">T0001 Name</a>`, escaped.
  static func link(_ item: FrameworkGrid.Item) -> String {
    let href = HTMLEscaping.href(pagesFolder + item.path)
    return "<a href=\"\(href)\">\(HTMLEscaping.escape(item.idText + " " + item.name))</a>"
  }
}
