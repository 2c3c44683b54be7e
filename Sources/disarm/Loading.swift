import DisarmBrowsing
import DisarmExports
import DisarmLint
import DisarmModel

/// The CLI's one way to load a knowledge base: load errors are printed once and exit 2 (``exitingOnFailure(_:)``);
/// the loaded model is kept alive until exit, so that the process never spends time tearing it down.
enum Loading {
  /// The linked model, without running the rules (for `show`, `list` and `search`, which print no findings).
  static func model(_ directory: String) throws -> KnowledgeBase {
    let kb = try exitingOnLoadFailure { () throws(LoadError) in try KnowledgeBaseLoader.load(from: directory) }
    KeepAlive.keep(kb)
    return kb
  }

  /// The model with every rule's findings (for commands that report errors: exports exit 1 on them).
  static func checked(_ directory: String) throws -> CheckedKnowledgeBase {
    let checked = try exitingOnLoadFailure { () throws(LoadError) in try CheckedKnowledgeBase.load(directory) }
    KeepAlive.keep(checked)
    return checked
  }
}
