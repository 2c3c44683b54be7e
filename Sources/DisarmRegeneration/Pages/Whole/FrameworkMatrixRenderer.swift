import DisarmDiagnostics
import DisarmModel

/// Renders `disarm_red_framework.md` and `disarm_blue_framework.md` as DISARM's generator writes them: a title, a
/// tactic row, then one row per grid row, each cell `ID Name` linked to the object's page or `<td> </td>` where the
/// column is shorter. The generator's quirks are kept: an unclosed `<tr>` before the tactic row, and an empty
/// `<tr>\n</tr>` at the end.
public enum FrameworkMatrixRenderer {
  /// The markdown matrix of `grid`, written to the framework's matrix page (`disarm_red_framework.md`,
  /// `amitt_red_framework.md`).
  public static func render(_ grid: FrameworkGrid, in kb: KnowledgeBase) -> RenderedPage {
    let title = grid.isRed ? "Red framework" : "Blue framework"
    var html = "# \(kb.framework.brand) \(title): Latest Framework\n\n<table border=\"1\">\n<tr>\n"
    html += "<tr style=\"background-color:blue;color:white;\">\n"
    return finish(html, grid, in: kb)
  }

  /// The one matrix of a framework that has a single matrix page (AMITT 2019's `matrix.md`): its title, then a
  /// row naming each tactic's phase above the tactic row (the first `<tr>` is closed here), then the techniques.
  public static func renderSingle(_ grid: FrameworkGrid, in kb: KnowledgeBase) -> RenderedPage {
    var html = "# \(kb.framework.brand) Latest Framework:\n\n<table border=\"1\">\n<tr>\n"
    for tactic in grid.tactics {
      let phase = kb.id(tactic.idText).flatMap { kb.outgoing($0, .phase).first?.target }
      html +=
        phase.map { cell(FrameworkGrid.Item(idText: $0.string, name: kb.writtenName(of: $0) ?? "", folder: "phases")) }
        ?? "<td> </td>\n"
    }
    html += "</tr>\n<tr style=\"background-color:blue;color:white;\">\n"
    return finish(html, grid, in: kb, path: kb.framework.matrixPages.first)
  }

  /// The tactic row and the rows of the grid, then the generator's closing `<tr>\n</tr>`.
  private static func finish(_ start: String, _ grid: FrameworkGrid, in kb: KnowledgeBase, path single: String? = nil)
    -> RenderedPage
  {
    var html = start
    for tactic in grid.tactics { html += cell(tactic) }
    html += "</tr>\n<tr>\n"
    for row in 0..<grid.rowCount {
      for column in grid.columns.indices {
        html += grid.item(row: row, column: column).map(cell) ?? "<td> </td>\n"
      }
      html += "</tr>\n<tr>\n"
    }
    html += "</tr>\n</table>\n"
    let pages = kb.framework.matrixPages
    let path =
      single
      ?? (pages.count >= 2
        ? pages[grid.isRed ? 0 : 1] : grid.isRed ? "disarm_red_framework.md" : "disarm_blue_framework.md")
    return RenderedPage(path: path, bytes: Array(html.utf8))
  }

  private static func cell(_ item: FrameworkGrid.Item) -> String {
    "<td><a href=\"\(item.path)\">\(item.idText) \(item.name)</a></td>\n"
  }
}
