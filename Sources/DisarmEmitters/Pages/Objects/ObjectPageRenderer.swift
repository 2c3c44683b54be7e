import DisarmModel
import DisarmParser

/// Renders one object's page as the model says it should be: owned fields exactly as read, derived tables
/// recomputed from their owners, and the notes copied byte for byte.
public enum ObjectPageRenderer {
  /// The page for `object` in `template` (`generation2022` or `generation2025`), or nil when the object has no page.
  public static func render(_ object: DisarmObject, in kb: KnowledgeBase, template: KnowledgeBase.Template) -> [UInt8]? {
    // Placeholder until the renderer lands: the page as read.
    object.page?.file.bytes
  }
}
