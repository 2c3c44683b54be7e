import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// Renders the whole-knowledge-base pages (indexes, framework matrices, response-type tables) and the extra files
/// (framework ID grids as CSV, clickable HTML matrices), all from the model. See docs/WHOLE-PAGES.md for where each
/// column comes from.
public enum WholePageRenderer {
  /// The derived whole-knowledge-base pages, paths relative to the page folder: every index, both framework
  /// matrices and both response-type tables, whether or not the knowledge base has them yet.
  public static func render(_ kb: KnowledgeBase) -> [RenderedPage] {
    renderers(kb).map { $0() }.sorted { $0.path < $1.path }
  }

  /// One closure per derived page, so that ``PageRenderer`` can render them on all cores beside the object pages
  /// (the indexes and matrices are the largest pages, and rendering them one after the other cost a sixth of
  /// `lint`'s time).
  ///
  /// Only the pages the framework has: an index for each kind whose description names one, the matrices when it
  /// lists them, the response-type tables when it has counters and response types (a team's framework of stages and
  /// moves gets none of DISARM's whole pages).
  static func renderers(_ kb: KnowledgeBase) -> [@Sendable () -> RenderedPage] {
    let framework = kb.framework
    // Pages that carry their identifier as a field (AMITT 2019) come with that generation's index and single matrix.
    let fielded = framework.identifierField != nil
    let counters = CounterRows(kb)
    var renderers: [@Sendable () -> RenderedPage] = IndexPageRenderer.kinds.filter { framework.kind($0)?.index != nil }
      .map { kind in
        {
          fielded
            ? FieldedIndexRenderer.render(kind, in: kb)
            : IndexPageRenderer.render(kind, in: kb, counters: kind == .counter ? counters : nil)
        }
      }
    if framework.matrixPages.count == 1 {
      renderers.append { FrameworkMatrixRenderer.renderSingle(.red(kb), in: kb) }
    } else if framework.matrixPages.count >= 2 {
      renderers.append { FrameworkMatrixRenderer.render(.red(kb), in: kb) }
      renderers.append { FrameworkMatrixRenderer.render(.blue(kb, counters: counters.all), in: kb) }
    }
    if framework.kind(.counter) != nil, framework.kind(.responseType) != nil {
      renderers.append { ResponseTypeTableRenderer.render(.tactic, in: kb, counters: counters.all) }
      renderers.append { ResponseTypeTableRenderer.render(.metatechnique, in: kb, counters: counters.all) }
    }
    return renderers
  }

  /// Extra files beside the pages, paths relative to the output folder (`generated_files/…`): the red and blue ID
  /// grids as CSV and the clickable HTML matrices.
  public static func extras(_ kb: KnowledgeBase) -> [RenderedPage] {
    var files: [RenderedPage] = []
    for grid in [FrameworkGrid.red(kb), .blue(kb)] {
      let stem = "generated_files/disarm_\(grid.isRed ? "red" : "blue")_framework"
      files.append(RenderedPage(path: stem + "_ids.csv", bytes: FrameworkGridCSV.render(grid)))
      files.append(RenderedPage(path: stem + "_clickable.html", bytes: ClickableMatrixHTML.render(grid)))
    }
    return files.sorted { $0.path < $1.path }
  }
}
