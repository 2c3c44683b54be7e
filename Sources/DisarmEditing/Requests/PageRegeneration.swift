import DisarmLint
import DisarmModel
import DisarmParser
import DisarmRegeneration
import Foundation

/// `build --write`: every page whose derived content is out of date rewritten in place from the model, notes kept
/// byte for byte. What is its own is only what the new contents are: the pages the linked model renders.
public struct PageRegeneration: EditRequest {
  /// The page folder (already resolved from the user's folder).
  public var folder: URL
  /// The template generation to write (nil: the knowledge base's own), e.g. to migrate a knowledge base.
  public var template: KnowledgeBase.Template?
  /// A framework description's name or file (nil: the folder's).
  public var framework: String?

  public init(folder: URL, template: KnowledgeBase.Template? = nil, framework: String? = nil) {
    self.folder = folder
    self.template = template
    self.framework = framework
  }

  public func validate() throws(EditRefusal) { try EditRefusal.requireFolder(folder) }

  /// The knowledge base loaded and checked: what the command reports before it writes.
  public static func check(_ request: Validated<Self>) throws(LoadError) -> CheckedKnowledgeBase {
    let request = request.request
    return try CheckedKnowledgeBase.load(request.folder.path, template: request.template, framework: request.framework)
  }

  /// The pages of `checked` that differ from their regenerated form, as a plan; pages that changed on disk since they
  /// were read are recorded in `checked` (`page-changed-on-disk`) and left out.
  public static func plan(_ request: Validated<Self>, checked: inout CheckedKnowledgeBase) throws(EditRefusal)
    -> ChangePlan
  {
    let folder = request.request.folder
    let changes = try EditRefusal.refusing { try checked.changes(in: folder, reporting: false) }
    let errors = checked.diagnostics.filter { $0.severity == .error }
    return ChangePlan(
      for: request, folder: folder, changes: changes,
      verification: .overlay(framework: request.request.framework, errorsBefore: errors))
  }
}
