import DisarmBrowsing
import DisarmExports
import DisarmLint
import DisarmModel

/// The CLI's one way to load a knowledge base: load errors are printed once and exit 2 (``exitingOnFailure(_:)``);
/// the loaded model is kept alive until exit, so that the process never spends time tearing it down.
enum Loading {
  /// The linked model, without running the rules (for `show`, `list`, `search` and the exports, which print no
  /// findings).
  static func model(_ directory: String, framework: String? = nil) throws -> KnowledgeBase {
    let kb = try exitingOnLoadFailure { () throws(LoadError) in
      try KnowledgeBaseLoader.load(from: directory, framework: framework)
    }
    KeepAlive.keep(kb)
    return kb
  }

  /// The linked model and the number of errors the model rules find in it (exports exit 1 on them, and need no
  /// regenerated pages to know).
  static func modelWithErrorCount(_ directory: String, framework: String? = nil) throws -> (
    kb: KnowledgeBase, errors: Int
  ) {
    let kb = try model(directory, framework: framework)
    return (kb, Linter.modelFindings(kb).count { $0.severity == .error })
  }
}
