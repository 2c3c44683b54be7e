import DisarmModel
import DisarmParser

/// Renders the whole-knowledge-base pages (indexes, framework matrices, response-type tables) and the extra files
/// (framework ID grids as CSV, clickable HTML matrices).
public enum WholePageRenderer {
  /// The derived whole-knowledge-base pages, paths relative to the page folder.
  public static func render(_ kb: KnowledgeBase) -> [RenderedPage] {
    // Placeholder until the renderer lands: the pages as read.
    kb.wholePages.map { RenderedPage(path: $0.path, bytes: $0.file.bytes) }
  }

  /// Extra files beside the pages, paths relative to the output folder (`generated_files/…`).
  public static func extras(_ kb: KnowledgeBase) -> [RenderedPage] { [] }
}
